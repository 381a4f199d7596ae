package vn.thidua.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.thidua.contract.chain.ChainVerifier;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.envelope.RawEvent;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.scoring.LogFacts;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.scoring.ScoringPolicy;
import vn.thidua.scoring.Watermark;

/**
 * The replay: reads every thidua topic, checks each partition's hash chain over the raw records (even
 * an event that breaks its contract is a link of its chain), each aggregate's sequence and each
 * event's contract (reported apart, as contract violations), then recomputes each year's table with
 * the shared {@link Scorer} over the facts the year was (or is) scored on, and compares digests.
 * Reads only.
 */
public final class Replay {

    /**
     * What to replay.
     *
     * @param kafkaLogin    SASL settings of the Kafka user to read as (empty: unauthenticated)
     * @param authorization the {@code Authorization} header for evaluation-service (null: none)
     */
    public record Options(String bootstrap, Map<String, Object> kafkaLogin, Integer year, Instant asOf, String topicSuffix, String serviceUrl,
                          java.util.function.Supplier<String> authorization, Duration timeout) {
    }

    /** An event with its place in the log (its topic as the contract names it, whatever the suffix of a copy). */
    private record Placed(Topic topic, int partition, long offset, ThiduaEvent event) {
        boolean inside(Watermark cut) {
            return cut.contains(topic, partition, offset);
        }
    }

    /** A participation record's place in {@code thidua.participation.v1} and the fact scoring reads from it. */
    private record PlacedRecord(int partition, long offset, LogFacts.Record fact) {
        boolean inside(Watermark cut) {
            return cut.contains(Topic.PARTICIPATION, partition, offset);
        }
    }

    /** One instance per distinct value (campaign ids, unit codes, member ids and days repeat across records). */
    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    /** Records decoded ahead of the checks, at most. */
    private static final int IN_FLIGHT = 2_000;

    private final Options options;
    private final ChainVerifier verifier = new ChainVerifier();
    private final List<Report.Problem> problems = new ArrayList<>();
    private final List<Report.Problem> violations = new ArrayList<>();
    private final List<Placed> campaigns = new ArrayList<>();
    private final List<Placed> roster = new ArrayList<>();
    private final List<PlacedRecord> records = new ArrayList<>();
    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<Integer, AppraisalClosed> closes = new TreeMap<>();
    /** Who closed each year: the {@code ce_actor} of its AppraisalClosed (hashed in its chain). */
    private final Map<Integer, String> closers = new TreeMap<>();
    private final Map<Integer, ScoreTable> tables = new HashMap<>();
    /** The personnel events (ratings, disciplines, recruitment) the titles are proposed from. */
    private final List<Placed> personnel = new ArrayList<>();
    /** Each year's decision on its titles (the first one: a year is decided once), with its place in the log. */
    private final Map<Integer, Titles.PlacedAward> awards = new TreeMap<>();
    private long read;

    public Replay(Options options) {
        this.options = options;
    }

    /**
     * A record hashed from its raw headers and value, and decoded (on any thread). The hash needs
     * nothing but the record, so a record that breaks its contract is still checked as a link of its
     * chain; {@code hash} is null only when the value is not JSON, {@code invalid} says why it could not be decoded.
     */
    private record Decoded(ConsumerRecord<String, byte[]> record, RawEvent raw, String hash, PublishedEvent event,
                           InvalidEventException invalid) {
        static Decoded of(ConsumerRecord<String, byte[]> r) {
            RawEvent raw = RawEvent.of(r);
            JsonNode data; // parsed once for the hash and the decoding
            try {
                data = EventCodec.instance().parse(raw.data());
            } catch (InvalidEventException ex) {
                data = null; // not JSON: no hash; decoding it again says why
            }
            String hash = data == null ? null : HashChain.hash(raw.attributes(), data);
            try {
                return new Decoded(r, raw, hash, data == null ? KafkaBinding.fromRaw(r, raw, true) : KafkaBinding.fromRaw(r, raw, data), null);
            } catch (InvalidEventException ex) {
                return new Decoded(r, raw, hash, null, ex);
            }
        }
    }

    public Report run(LogReader.Progress progress) {
        List<String> topics = new ArrayList<>();
        for (Topic t : Topic.values()) {
            topics.add(t.address() + options.topicSuffix());
        }
        // decoding and hashing need nothing but the event: done on every core; the checks that depend
        // on order (chains, sequences, duplicates) then take the results in the order they were read
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        ArrayDeque<Future<Decoded>> pending = new ArrayDeque<>();
        try {
            new LogReader(options.bootstrap(), options.kafkaLogin(), options.timeout()).read(topics, r -> {
                if (options.asOf() != null && Instant.ofEpochMilli(r.timestamp()).isAfter(options.asOf())) {
                    return;
                }
                pending.add(workers.submit(() -> Decoded.of(r)));
                while (pending.size() > IN_FLIGHT) {
                    accept(next(pending));
                }
            }, progress);
            while (!pending.isEmpty()) {
                accept(next(pending));
            }
        } finally {
            workers.shutdownNow();
        }
        for (ChainVerifier.Finding f : verifier.finish()) {
            problems.add(new Report.Problem(f.problem().name(), f.topic(), f.partition(), f.offset(), f.eventId(), f.aggregateId(),
                    f.sequence(), f.detail()));
        }
        List<Report.Year> years = new ArrayList<>();
        for (int year : years()) {
            years.add(score(year));
        }
        List<Report.Award> awarded = new ArrayList<>();
        Titles titles = new Titles(personnel.stream()
                .sorted(java.util.Comparator.comparingInt(Placed::partition).thenComparingLong(Placed::offset))
                .map(p -> new Titles.PlacedEvent(p.partition(), p.offset(), p.event())).toList(), awards);
        for (int year : years()) {
            Titles.PlacedAward award = awards.get(year);
            if (award != null) {
                awarded.addAll(titles.check(award, closes.containsKey(year) ? tables.get(year) : null, problems));
            }
        }
        boolean holds = problems.isEmpty() && years.stream().noneMatch(y -> Boolean.FALSE.equals(y.matches()));
        return new Report(options.bootstrap(), options.topicSuffix(), options.asOf(), read, verifier.duplicates(),
                List.copyOf(problems), List.copyOf(violations), years, awarded, holds);
    }

    private static Decoded next(ArrayDeque<Future<Decoded>> pending) {
        try {
            return pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
        }
    }

    private void accept(Decoded d) {
        ConsumerRecord<String, byte[]> r = d.record();
        read++;
        String topic = r.topic().substring(0, r.topic().length() - options.topicSuffix().length());
        ChainVerifier.Link link = ChainVerifier.Link.of(d.raw().attributes(), d.raw().eventHash());
        ChainVerifier.Verdict verdict = verifier.acceptHashed(r.topic(), r.partition(), r.offset(), link, d.hash());
        if (verdict == ChainVerifier.Verdict.DUPLICATE) {
            return;
        }
        if (d.invalid() != null) {
            // in its chain all the same (checked above); not a fact anything is scored on
            violations.add(new Report.Problem("INVALID_EVENT", r.topic(), r.partition(), r.offset(), link.id(), link.aggregateId(),
                    link.sequence(), d.invalid().getMessage()));
            return;
        }
        PublishedEvent e = d.event();
        var a = e.attributes();
        EventType type = EventType.ofCeType(a.type());
        if (!type.topic().address().equals(topic)) {
            violations.add(new Report.Problem("WRONG_TOPIC", r.topic(), r.partition(), r.offset(), a.id(), a.aggregateId(), a.aggregateSequence(),
                    type.eventName() + " belongs on " + type.topic().address()));
        }
        if (!e.event().partitionKey().equals(r.key()) || !a.subject().equals(r.key())) {
            violations.add(new Report.Problem("WRONG_KEY", r.topic(), r.partition(), r.offset(), a.id(), a.aggregateId(), a.aggregateSequence(),
                    "key '" + r.key() + "', subject '" + a.subject() + "', but the event's key is '" + e.event().partitionKey() + "'"));
        }
        if (e.event() instanceof CampaignLaunched) {
            campaigns.add(new Placed(Topic.CAMPAIGN, r.partition(), r.offset(), e.event()));
        } else if (e.event() instanceof MemberJoinedUnit || e.event() instanceof MemberLeftUnit) {
            roster.add(new Placed(Topic.ROSTER, r.partition(), r.offset(), e.event()));
        } else if (e.event() instanceof ParticipationRecorded p) {
            // a year holds hundreds of thousands: kept as the few fields scoring reads, repeated values shared
            records.add(new PlacedRecord(r.partition(), r.offset(), new LogFacts.Record(p.recordId(), shared(p.campaignId()),
                    shared(p.unitCode()), p.memberId() == null ? null : shared(p.memberId()), p.kind(), shared(p.occurredOn()))));
        } else if (e.event() instanceof AppraisalClosed c) {
            closes.putIfAbsent(c.year(), c);
            closers.putIfAbsent(c.year(), a.actor());
        } else if (e.event() instanceof AwardDecided award) {
            awards.putIfAbsent(award.year(), new Titles.PlacedAward(r.topic(), r.partition(), r.offset(), a.id(), a.aggregateId(),
                    a.aggregateSequence(), award));
        } else if (type.topic() == Topic.PERSONNEL) {
            personnel.add(new Placed(Topic.PERSONNEL, r.partition(), r.offset(), e.event()));
        }
    }

    private TreeSet<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        if (options.year() != null) {
            years.add(options.year());
            return years;
        }
        for (PlacedRecord p : records) {
            years.add(p.fact().occurredOn().getYear());
        }
        years.addAll(closes.keySet());
        return years;
    }

    private Report.Year score(int year) {
        AppraisalClosed close = closes.get(year);
        Watermark cut = close == null ? Watermark.ALL : Watermark.of(close.watermark());
        LogFacts facts = new LogFacts();
        for (Placed p : campaigns) {
            if (p.inside(cut)) {
                facts.campaign((CampaignLaunched) p.event());
            }
        }
        for (Placed p : roster) {
            if (p.inside(cut)) {
                if (p.event() instanceof MemberJoinedUnit j) {
                    facts.joined(j);
                } else {
                    facts.left((MemberLeftUnit) p.event());
                }
            }
        }
        long ofYear = 0;
        long late = 0;
        for (PlacedRecord p : records) {
            LogFacts.Record r = p.fact();
            if (r.occurredOn().getYear() != year) {
                continue;
            }
            ofYear++;
            if (p.inside(cut)) {
                facts.record(r);
            } else {
                late++;
            }
        }
        ScoringPolicy policy;
        try {
            policy = close == null ? ScoringPolicies.current() : ScoringPolicies.of(close.policyVersion());
        } catch (IllegalArgumentException e) {
            problems.add(new Report.Problem("UNKNOWN_POLICY", Topic.APPRAISAL.address(), -1, -1, null, null, -1,
                    "the close of " + year + " names policy " + close.policyVersion() + ", which this tool does not know"));
            return new Report.Year(year, "CLOSED", close.policyVersion(), ofYear, 0, late, 0, 0, 0, null, close.digest(), "AppraisalClosed", false,
                    closers.get(year), close.closedAt());
        }
        ScoreTable table = Scorer.score(year, facts, policy);
        tables.put(year, table);
        String expected = null;
        String from = null;
        if (close != null) {
            expected = close.digest();
            from = "AppraisalClosed";
        } else if (options.serviceUrl() != null) {
            expected = serviceDigest(year);
            from = "evaluation-service";
        }
        return new Report.Year(year, close == null ? "OPEN" : "CLOSED", policy.version(), ofYear, table.counted().size(), late, table.refused(),
                table.members().size(), table.units().size(), table.digest(), expected, from, expected == null ? null : expected.equals(table.digest()),
                close == null ? null : closers.get(year), close == null ? null : close.closedAt());
    }

    /** The table {@link #run} recomputed for {@code year} (null when it scored no such year). */
    ScoreTable table(int year) {
        return tables.get(year);
    }

    /** The open year's digest as evaluation-service gives it, once it is of its current table (records may still be arriving). */
    private String serviceDigest(int year) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (true) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.serviceUrl() + "/api/scores/" + year + "/units"))
                        .timeout(Duration.ofSeconds(60));
                if (options.authorization() != null) {
                    request.header("Authorization", options.authorization().get());
                }
                HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("evaluation-service answered " + r.statusCode() + " for " + year);
                }
                JsonNode body = new ObjectMapper().readTree(r.body());
                if (body.path("digestCurrent").asBoolean(true) || System.nanoTime() > deadline) {
                    return body.path("digest").asText();
                }
                Thread.sleep(250);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach evaluation-service at " + options.serviceUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
