package vn.thidua.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.audit.Replay;
import vn.thidua.audit.Report;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.Topic;
import vn.thidua.testsupport.EmbeddedPostgresServer;
import vn.thidua.testsupport.IssuerTestResource;
import vn.thidua.testsupport.KafkaBrokerProcess;
import vn.thidua.testsupport.TestTokens;

/**
 * The fault suite (issue 17): thidua as it runs in production — PostgreSQL with fsync on, a broker in
 * its own JVM, each service a process of its own from its packaged app, participation- and evaluation-service twice —
 * under concurrent load with a ledger of every request. In turn: {@code kill -9} of campaign-service,
 * of a participation instance, of the one holding the outbox relay (the other must take it over), a
 * pause of the relay's new holder past its claim (SIGSTOP, SIGCONT), {@code kill -9} of one of two
 * evaluation-service instances and of the broker, and a restart of PostgreSQL; the suite restarts each part
 * itself. Then every unanswered request is retried with its key and the ledger reconciled with the
 * services' answers, the topics (a plain consumer) and evaluation-service's tables: nothing lost,
 * nothing twice, and the score digest equal to the auditors' replay (the shared Scorer over the
 * topics). Last, a poison record on a consumed topic. Each step prints what was done, how long the
 * recovery took and what the users saw; the table goes to {@code target/fault-suite/report.md}.
 */
class FaultSuiteIT {
    private static final Duration START = Duration.ofSeconds(240);
    private static final List<String> UNITS = List.of("PKH", "TTDL", "CCTC");
    private static final int MEMBERS_PER_UNIT = 6;
    private static final int RECORD_CLIENTS = 8;

    private static Path work;
    private static Path logs;
    private static Path postgresData;
    private static int postgresPort;
    private static EmbeddedPostgresServer postgres;
    private static IssuerTestResource issuer;
    private static Path kafkaDir;
    private static int kafkaPort;
    private static int controllerPort;
    private static KafkaBrokerProcess broker;
    private static ServiceNode campaign;
    private static ServiceNode participation1;
    private static ServiceNode participation2;
    private static ServiceNode evaluation;
    private static ServiceNode evaluation2;
    private static final List<String> table = new CopyOnWriteArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        Path repo = Path.of(System.getProperty("thidua.repo", "..")).toAbsolutePath().normalize();
        work = repo.resolve("fault-suite/target/fault-suite");
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        logs = Files.createDirectories(work.resolve("logs"));
        say("work folder " + work + " (logs of every process in logs/)");

        postgresData = work.resolve("postgres");
        postgresPort = freePort();
        postgres = EmbeddedPostgresServer.durable(postgresData, postgresPort);
        for (String db : List.of("campaign", "participation", "evaluation")) {
            postgres.createDatabase(db);
        }
        say("PostgreSQL 17 on port " + postgresPort + " (fsync on)");

        issuer = new IssuerTestResource();
        String issuerUrl = issuer.start().get("mp.jwt.verify.issuer");

        kafkaDir = work.resolve("kafka");
        kafkaPort = freePort();
        controllerPort = freePort();
        startBroker();
        say("Kafka broker in its own JVM at " + broker.bootstrapServers());

        Map<String, String> common = new LinkedHashMap<>();
        common.put("THIDUA_DB_USER", "postgres");
        common.put("THIDUA_DB_PASSWORD", "");
        common.put("THIDUA_KAFKA", broker.bootstrapServers());
        common.put("THIDUA_OIDC_ISSUER", issuerUrl);
        campaign = node("campaign-service", "campaign-service", repo, common, "campaign");
        participation1 = node("participation-service-1", "participation-service", repo, common, "participation");
        participation2 = node("participation-service-2", "participation-service", repo, common, "participation");
        evaluation = node("evaluation-service-1", "evaluation-service", repo, common, "evaluation");
        evaluation2 = node("evaluation-service-2", "evaluation-service", repo, common, "evaluation");
        long t = System.nanoTime();
        for (ServiceNode n : nodes()) {
            n.start();
        }
        for (ServiceNode n : nodes()) {
            n.awaitReady(START);
        }
        say("five service processes ready in " + seconds(System.nanoTime() - t) + ": " + nodes().stream().map(n -> n.name() + " " + n.url())
                .collect(Collectors.joining(", ")));
    }

    @AfterAll
    static void stop() {
        for (ServiceNode n : nodes()) {
            if (n != null) {
                n.stop();
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (issuer != null) {
            issuer.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void under_load_every_fault_loses_nothing_and_duplicates_nothing() throws Exception {
        String officer = "Bearer " + TestTokens.officer();
        Ledger ledger = new Ledger(() -> officer);
        List<String> problems = new ArrayList<>();

        // set-up: the units, a campaign sent to all of them, rosters (in the ledger too)
        for (String unit : UNITS) {
            int status = send("PUT", campaign.url() + "/api/units/" + unit, Map.of("name", "Đơn vị " + unit, "head", "Trưởng đơn vị " + unit),
                    officer).statusCode();
            assertThat(status).as("unit " + unit).isIn(200, 201);
        }
        Ledger.Entry launch = ledger.add(Ledger.Kind.CAMPAIGN, "fs-campaign-0", "POST", "/api/campaigns", Load.campaignBody(0), null, null);
        assertThat(ledger.send(launch, campaign.url(), Duration.ofSeconds(30)) && launch.accepted()).as("the first campaign").isTrue();
        String campaignId = launch.id;
        awaitCampaignKnown(campaignId, officer);
        List<String[]> members = new ArrayList<>();
        for (String unit : UNITS) {
            for (int m = 1; m <= MEMBERS_PER_UNIT; m++) {
                String member = unit + "-CB-" + m;
                Ledger.Entry join = ledger.add(Ledger.Kind.JOIN, member, "PUT", "/api/units/" + unit + "/members/" + member,
                        Load.joinBody("Cán bộ " + unit + " số " + m), unit, member);
                assertThat(ledger.send(join, participation1.url(), Duration.ofSeconds(30)) && join.accepted()).as("join " + member).isTrue();
                members.add(new String[] {unit, member});
            }
        }
        say("set-up: " + UNITS.size() + " units, campaign " + campaignId + ", " + members.size() + " members on the rosters");

        Load load = new Load(ledger, () -> List.of(participation1.url(), participation2.url()), campaign::url, campaignId, UNITS, members,
                RECORD_CLIENTS);
        long loadStarted = System.nanoTime();
        load.start();
        say("load: " + RECORD_CLIENTS + " clients posting records (Idempotency-Key each) over both participation instances, a roster client, a campaign client");
        Thread.sleep(5_000);

        fault(ledger, "kill -9 campaign-service", () -> campaign.kill(), () -> restart(campaign), List.of(campaign));
        ServiceNode holder = relayHolder();
        ServiceNode other = holder == participation1 ? participation2 : participation1;
        fault(ledger, "kill -9 " + other.name() + " (not holding the relay)", other::kill, () -> restart(other), List.of(other));
        relayFailover(ledger, problems);
        relayPause(ledger, problems);
        fault(ledger, "kill -9 evaluation-service-1 (two instances splitting the partitions)", () -> evaluation.kill(), () -> restart(evaluation),
                List.of(evaluation));
        fault(ledger, "kill -9 the Kafka broker", () -> {
            for (ProcessHandle h : broker.processes()) {
                h.destroyForcibly();
                h.onExit().get();
            }
        }, FaultSuiteIT::startBroker, nodes());
        fault(ledger, "PostgreSQL stopped and started (same data, same port)", () -> postgres.close(),
                () -> postgres = EmbeddedPostgresServer.durable(postgresData, postgresPort), nodes());

        load.stop();
        say("load stopped after " + seconds(System.nanoTime() - loadStarted) + ": " + ledger.all().size() + " requests, "
                + ledger.unanswered().size() + " without an answer");

        retryUnanswered(ledger, problems);
        reconcile(ledger, problems, broker.bootstrapServers());
        poison(ledger, problems, campaignId, members);

        Files.writeString(work.resolve("report.md"), String.join("\n", table) + "\n", StandardCharsets.UTF_8);
        say("fault table (also in " + work.resolve("report.md") + "):");
        table.forEach(FaultSuiteIT::say);
        assertThat(problems).as("what the reconciliation found").isEmpty();
    }

    // ---- faults ----

    interface Step {
        void run() throws Exception;
    }

    /**
     * Breaks something under load, repairs it at once (as a supervisor would), waits for {@code ready}
     * to answer again, and prints the recovery time and what the requests sent meanwhile got.
     */
    private void fault(Ledger ledger, String what, Step breakIt, Step repair, List<ServiceNode> ready) throws Exception {
        Thread.sleep(3_000);
        say("FAULT " + what);
        long t0 = System.nanoTime();
        breakIt.run();
        Thread.sleep(1_000); // the load meets the fault
        repair.run();
        for (ServiceNode n : ready) {
            n.awaitReady(START);
        }
        long recovered = System.nanoTime();
        Map<String, Integer> seen = ledger.firstOutcomes(t0, recovered);
        say("  recovered (every affected service ready again) " + seconds(recovered - t0) + " after the fault; requests first sent meanwhile: " + seen);
        table.add("| " + what + " | " + seconds(recovered - t0) + " | " + seen + " |");
        Thread.sleep(3_000);
    }

    /** Restarts a killed service on its port; the caller waits for it to be ready. */
    private static void restart(ServiceNode n) {
        n.start();
    }

    /** The participation instance whose process holds the relay's token claim. */
    private ServiceNode relayHolder() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String owner = relayOwner();
            for (ServiceNode n : List.of(participation1, participation2)) {
                if (owner != null && owner.startsWith(n.pid() + "@")) {
                    return n;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no participation instance holds the relay's claim");
    }

    private String relayOwner() throws SQLException {
        try (Connection c = connect("participation"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner FROM token_entry WHERE processor_name = 'kafka-relay'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Kills the instance holding the relay: the other one must claim it and publish on. */
    private void relayFailover(Ledger ledger, List<String> problems) throws Exception {
        Thread.sleep(3_000);
        ServiceNode holder = relayHolder();
        ServiceNode survivor = holder == participation1 ? participation2 : participation1;
        String what = "kill -9 " + holder.name() + " (holding the outbox relay; two instances)";
        say("FAULT " + what);
        long t0 = System.nanoTime();
        holder.kill();
        awaitRelayOwner(survivor, problems);
        long failedOver = System.nanoTime();
        say("  the relay's claim moved to " + survivor.name() + " " + seconds(failedOver - t0) + " after the kill");
        holder.start();
        holder.awaitReady(START);
        long recovered = System.nanoTime();
        Map<String, Integer> seen = ledger.firstOutcomes(t0, recovered);
        say("  " + holder.name() + " ready again " + seconds(recovered - t0) + " after the kill; requests first sent meanwhile: " + seen);
        table.add("| " + what + " | relay taken over in " + seconds(failedOver - t0) + "; instance back in " + seconds(recovered - t0) + " | " + seen + " |");
        Thread.sleep(3_000);
    }

    /**
     * Pauses the instance holding the relay (SIGSTOP) until the other one has claimed the relay and
     * sent on, then lets it go on (SIGCONT): the paused one resumes in the middle of what it was doing,
     * its batch's sends among it, as after a long pause of the JVM or a host. Its Kafka producer was
     * fenced by the new holder's (DECISIONS 50): whatever it still sends must not enter the chains.
     */
    private void relayPause(Ledger ledger, List<String> problems) throws Exception {
        Thread.sleep(3_000);
        ServiceNode holder = relayHolder();
        ServiceNode survivor = holder == participation1 ? participation2 : participation1;
        String what = "SIGSTOP " + holder.name() + " (holding the relay) until the other took it, then SIGCONT";
        say("FAULT " + what);
        long t0 = System.nanoTime();
        signal("STOP", holder);
        try {
            awaitRelayOwner(survivor, problems);
            Thread.sleep(3_000); // the new holder sends on: the paused one's sends, if they landed now, would fork the chains
        } finally {
            signal("CONT", holder);
        }
        long taken = System.nanoTime();
        holder.awaitReady(START);
        long recovered = System.nanoTime();
        Map<String, Integer> seen = ledger.firstOutcomes(t0, recovered);
        say("  the relay's claim moved to " + survivor.name() + " while " + holder.name() + " was stopped; resumed "
                + seconds(taken - t0) + " after the stop, ready " + seconds(recovered - t0) + "; requests first sent meanwhile: " + seen);
        table.add("| " + what + " | relay taken over, paused instance resumed after " + seconds(taken - t0) + " | " + seen + " |");
        Thread.sleep(3_000);
    }

    private static void signal(String signal, ServiceNode node) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(node.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + node.pid() + " exited with " + exit);
        }
    }

    /** Waits (up to 120 s) until {@code next}'s process holds the relay's claim. */
    private void awaitRelayOwner(ServiceNode next, List<String> problems) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String owner;
        while (!((owner = relayOwner()) != null && owner.startsWith(next.pid() + "@"))) {
            if (System.nanoTime() > deadline) {
                problems.add("the relay did not move to " + next.name() + " within 120 s (owner " + owner + ")");
                return;
            }
            Thread.sleep(100);
        }
    }

    // ---- retry and reconciliation ----

    private void retryUnanswered(Ledger ledger, List<String> problems) throws InterruptedException {
        List<Ledger.Entry> unanswered = ledger.unanswered();
        long t0 = System.nanoTime();
        for (Ledger.Entry e : unanswered) {
            String target = switch (e.kind) {
                case CAMPAIGN -> campaign.url();
                case RECORD, JOIN -> (e.attempts % 2 == 0 ? participation1 : participation2).url();
            };
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!ledger.send(e, target, Duration.ofSeconds(10)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        Map<String, Long> replayed = unanswered.stream().collect(Collectors.groupingBy(e -> e.kind + " " + e.status, TreeMap::new, Collectors.counting()));
        say("retried " + unanswered.size() + " unanswered requests with their keys in " + seconds(System.nanoTime() - t0) + ": " + replayed);
        List<Ledger.Entry> refused = ledger.all().stream().filter(e -> !e.accepted()).toList();
        if (!refused.isEmpty()) {
            problems.add(refused.size() + " requests not accepted after retrying: " + Ledger.describe(refused.subList(0, Math.min(10, refused.size()))));
        }
    }

    private void reconcile(Ledger ledger, List<String> problems, String bootstrap) throws Exception {
        List<Ledger.Entry> records = ledger.of(Ledger.Kind.RECORD);
        List<Ledger.Entry> joins = ledger.of(Ledger.Kind.JOIN);
        List<Ledger.Entry> campaigns = ledger.of(Ledger.Kind.CAMPAIGN);
        Set<String> recordIds = ids(records);
        Set<String> memberIds = ids(joins);
        Set<String> campaignIds = ids(campaigns);
        if (recordIds.size() != records.size()) {
            problems.add("participation answered " + records.size() + " record requests with " + recordIds.size() + " distinct record ids");
        }

        // participation-service: every record once in its view, nothing else
        Map<String, Integer> inParticipation = countBy("participation", "SELECT record_id FROM participation_view");
        compare(problems, "participation_view", recordIds, inParticipation);

        // the topics, read with a plain consumer once the relays have published everything answered
        long t0 = System.nanoTime();
        Map<String, Set<String>> recordEvents = Map.of();
        long recordCopies = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> raw = Topics.readAll(bootstrap, Topic.PARTICIPATION.address());
            recordEvents = eventIdsBy(raw, e -> e instanceof ParticipationRecorded p ? p.recordId() : null);
            recordCopies = raw.size() - recordEvents.values().stream().mapToLong(Set::size).sum();
            if (recordEvents.keySet().containsAll(recordIds)) {
                break;
            }
            Thread.sleep(1_000);
        }
        say("topic " + Topic.PARTICIPATION.address() + " complete " + seconds(System.nanoTime() - t0) + " after the retries");
        compareEvents(problems, Topic.PARTICIPATION.address(), recordIds, recordEvents);
        Map<String, Set<String>> joinEvents = eventIdsBy(Topics.readAll(bootstrap, Topic.ROSTER.address()),
                e -> e instanceof MemberJoinedUnit j ? j.memberId() : null);
        compareEvents(problems, Topic.ROSTER.address(), memberIds, joinEvents);
        Map<String, Set<String>> launchEvents = eventIdsBy(Topics.readAll(bootstrap, Topic.CAMPAIGN.address()),
                e -> e instanceof CampaignLaunched l ? l.campaignId() : null);
        compareEvents(problems, Topic.CAMPAIGN.address(), campaignIds, launchEvents);

        // evaluation-service: every fact once in its tables, the counts per member and unit as the ledger says
        t0 = System.nanoTime();
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Integer> evaluated = Map.of();
        while (System.nanoTime() < deadline) {
            evaluated = countBy("evaluation", "SELECT record_id FROM ev_record");
            if (evaluated.keySet().containsAll(recordIds)) {
                break;
            }
            Thread.sleep(1_000);
        }
        say("evaluation-service had applied every record " + seconds(System.nanoTime() - t0) + " after the topic was complete");
        compare(problems, "evaluation ev_record", recordIds, evaluated);
        compare(problems, "evaluation ev_roster (joins)", memberIds, countBy("evaluation", "SELECT member_id FROM ev_roster WHERE joined_on IS NOT NULL"));
        compare(problems, "evaluation ev_campaign", campaignIds, countBy("evaluation", "SELECT campaign_id FROM ev_campaign"));
        Map<String, Integer> perMember = records.stream().collect(Collectors.toMap(e -> e.member, e -> 1, Integer::sum, TreeMap::new));
        Map<String, Integer> perUnit = records.stream().collect(Collectors.toMap(e -> e.unit, e -> 1, Integer::sum, TreeMap::new));
        Map<String, Integer> evaluatedPerMember = grouped("SELECT member_id, count(*) FROM ev_record GROUP BY member_id");
        Map<String, Integer> evaluatedPerUnit = grouped("SELECT unit_code, count(*) FROM ev_record GROUP BY unit_code");
        if (!perMember.equals(evaluatedPerMember)) {
            problems.add("records per member: ledger " + perMember + ", evaluation " + evaluatedPerMember);
        }
        if (!perUnit.equals(evaluatedPerUnit)) {
            problems.add("records per unit: ledger " + perUnit + ", evaluation " + evaluatedPerUnit);
        }

        // the score table against the auditors' replay: the shared Scorer over the topics
        String auditor = "Bearer " + TestTokens.auditor();
        Report report = new Replay(new Replay.Options(bootstrap, Map.of(), Load.YEAR, null, "", evaluation.url(), () -> auditor,
                Duration.ofSeconds(30))).run((read, total) -> { });
        Report.Year year = report.years().get(0);
        if (!Boolean.TRUE.equals(year.matches())) {
            problems.add("the score digest of " + evaluation.name() + " differs from the replay's: " + year);
        }
        // the other evaluation instance serves the same table: the same tables in the same database, its own reads
        String secondDigest = digest(evaluation2, auditor);
        if (!secondDigest.equals(year.digest())) {
            problems.add("the score digest of " + evaluation2.name() + " (" + secondDigest + ") differs from the replay's (" + year.digest() + ")");
        }
        // every hash chain must hold. Before the relay accounted for the log's tail (DECISIONS 46), a batch re-sent after
        // a failure could carry, in another order, events whose transactions committed out of order meanwhile (copies with
        // the same id and data chained after other heads); -Dthidua.faults.chains-must-hold=false tolerates only those.
        List<Report.Problem> chains = report.problems();
        Set<String> resent = resentWithSameData(bootstrap);
        List<Report.Problem> other = chains.stream().filter(p -> !(p.problem().equals("CONFLICTING_DUPLICATE") && resent.contains(p.eventId()))
                && !p.problem().equals("BROKEN_LINK")).toList();
        long reordered = chains.stream().filter(p -> p.problem().equals("CONFLICTING_DUPLICATE")).count();
        long brokenLinks = chains.stream().filter(p -> p.problem().equals("BROKEN_LINK")).count();
        if (!other.isEmpty() || (brokenLinks > 0 && reordered == 0)) {
            problems.add("the topics' hash chains do not hold: " + head(other.stream().map(Report.Problem::toString).toList())
                    + (reordered == 0 ? ", broken links " + brokenLinks : ""));
        }
        if (reordered > 0) {
            say("  OUTBOX RELAY: " + reordered + " events re-sent in another order with other chain hashes (same id, same data), "
                    + brokenLinks + " broken link(s); the first: " + chains.get(0));
        }
        if (!"false".equals(System.getProperty("thidua.faults.chains-must-hold")) && !chains.isEmpty()) {
            problems.add("the hash chains must hold: " + reordered + " re-sent events chained after other heads, " + brokenLinks + " broken links");
        }
        String line = String.format("ledger: %d records, %d joins, %d campaigns; each once in participation_view, once on the topics"
                        + " (%d re-sent copies of the same events, skipped by id), once in evaluation's tables; lost %d, duplicated %d;"
                        + " digest %s… %s the replay's on both evaluation instances (%d records counted, %d duplicate deliveries)",
                records.size(), joins.size(), campaigns.size(), recordCopies, lost(recordIds, evaluated), duplicated(evaluated, recordIds),
                year.digest() == null ? "-" : year.digest().substring(0, 12),
                Boolean.TRUE.equals(year.matches()) && secondDigest.equals(year.digest()) ? "equals" : "DIFFERS from",
                year.counted(), report.duplicateDeliveries())
                + (chains.isEmpty() ? "; every hash chain holds" : "; hash chains: " + reordered + " re-sent events chained after other heads, "
                + brokenLinks + " broken link(s)");
        say(line);
        table.add("| reconciliation after all of the above | | " + line + " |");
    }

    /** Ids of events that appear more than once on the topics, every copy with the same data. */
    private static Set<String> resentWithSameData(String bootstrap) {
        Map<String, Set<String>> data = new HashMap<>();
        for (Topic t : List.of(Topic.PARTICIPATION, Topic.ROSTER, Topic.CAMPAIGN)) {
            for (ConsumerRecord<String, byte[]> r : Topics.readAll(bootstrap, t.address())) {
                org.apache.kafka.common.header.Header id = r.headers().lastHeader("ce_id");
                if (id != null) {
                    data.computeIfAbsent(new String(id.value(), StandardCharsets.UTF_8), k -> new HashSet<>())
                            .add(java.util.HexFormat.of().formatHex(r.value()) + "#" + r.key());
                }
            }
        }
        return data.entrySet().stream().filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** A record that is not an event, on the participation topic in every partition: parked, counted, and the records behind it applied. */
    private void poison(Ledger ledger, List<String> problems, String campaignId, List<String[]> members) throws Exception {
        String topic = Topic.PARTICIPATION.address();
        int partitions;
        long rejectedBefore = count("SELECT count(*) FROM rejected_event WHERE topic = '" + topic + "'");
        double parkedBefore = parkedMetric();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        say("FAULT a poison record (not JSON, no CloudEvents headers) in every partition of " + topic);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            partitions = producer.partitionsFor(topic).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topic, p, "hong", "{\"không phải\": sự kiện".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        List<Ledger.Entry> after = new ArrayList<>();
        for (int i = 0; i < 3 * partitions; i++) {
            String[] m = members.get(i % members.size());
            Ledger.Entry e = ledger.add(Ledger.Kind.RECORD, "fs-after-poison-" + i, "POST", "/api/participations",
                    Load.recordBody(campaignId, m[0], m[1], 100_000 + i), m[0], m[1]);
            ledger.send(e, participation1.url(), Duration.ofSeconds(10));
            after.add(e);
        }
        Set<String> expected = ids(after);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !countBy("evaluation", "SELECT record_id FROM ev_record").keySet().containsAll(expected)) {
            Thread.sleep(250);
        }
        long applied = System.nanoTime();
        long rejected = count("SELECT count(*) FROM rejected_event WHERE topic = '" + topic + "'") - rejectedBefore;
        double parked = parkedMetric() - parkedBefore;
        boolean allApplied = countBy("evaluation", "SELECT record_id FROM ev_record").keySet().containsAll(expected) && expected.size() == after.size();
        int ready = Math.max(http.send(HttpRequest.newBuilder(URI.create(evaluation.url() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), http.send(HttpRequest.newBuilder(URI.create(evaluation2.url() + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        String line = String.format("%d poison records parked (rejected_event +%d, thidua_consumer_parked_total +%.0f); the %d records posted after them"
                + " %s in evaluation-service %s later; readiness %d", partitions, rejected, parked, after.size(), allApplied ? "all applied" : "NOT all applied",
                seconds(applied - t0), ready);
        say("  " + line);
        table.add("| a poison record in every partition of " + topic + " | " + seconds(applied - t0) + " (records behind it applied) | " + line + " |");
        if (rejected != partitions || parked != partitions || !allApplied || ready != 200) {
            problems.add("poison: " + line);
        }
    }

    /** Records parked, as both evaluation instances count them (each the partitions it was given). */
    private double parkedMetric() throws IOException, InterruptedException {
        double sum = 0;
        for (ServiceNode n : List.of(evaluation, evaluation2)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(n.url() + "/q/metrics"))
                    .header("Authorization", "Bearer " + TestTokens.auditor()).build(), HttpResponse.BodyHandlers.ofString());
            sum += r.body().lines().filter(l -> l.startsWith("thidua_consumer_parked_total{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
        return sum;
    }

    /** The year's digest as an evaluation instance serves it, once it is of its current table. */
    private String digest(ServiceNode n, String authorization) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(n.url() + "/api/scores/" + Load.YEAR + "/units"))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            com.fasterxml.jackson.databind.JsonNode body = Ledger.json(r.body());
            if (r.statusCode() == 200 && (body.path("digestCurrent").asBoolean(true) || System.nanoTime() > deadline)) {
                return body.path("digest").asText();
            }
            if (System.nanoTime() > deadline) {
                return "(answered " + r.statusCode() + ")";
            }
            Thread.sleep(250);
        }
    }

    // ---- helpers ----

    private static Set<String> ids(List<Ledger.Entry> entries) {
        Set<String> ids = new HashSet<>();
        for (Ledger.Entry e : entries) {
            if (e.id != null) {
                ids.add(e.id);
            }
        }
        return ids;
    }

    /** Each id's distinct event ids on the topic (a re-sent copy repeats its event id). */
    private static Map<String, Set<String>> eventIdsBy(List<ConsumerRecord<String, byte[]>> raw, Function<Object, String> idOf) {
        Map<String, Set<String>> by = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : raw) {
            PublishedEvent e;
            try {
                e = KafkaBinding.fromRecord(r);
            } catch (RuntimeException notAnEvent) {
                continue;
            }
            String id = idOf.apply(e.event());
            if (id != null) {
                by.computeIfAbsent(id, k -> new HashSet<>()).add(e.attributes().id());
            }
        }
        return by;
    }

    private static void compareEvents(List<String> problems, String topic, Set<String> expected, Map<String, Set<String>> found) {
        List<String> lost = expected.stream().filter(id -> !found.containsKey(id)).sorted().toList();
        List<String> twice = found.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().toList();
        List<String> unknown = found.keySet().stream().filter(id -> !expected.contains(id)).sorted().toList();
        say("  " + topic + ": " + found.size() + " distinct, lost " + lost.size() + ", twice " + twice.size() + ", not in the ledger " + unknown.size());
        if (!lost.isEmpty() || !twice.isEmpty() || !unknown.isEmpty()) {
            problems.add(topic + ": lost " + head(lost) + ", published as two events " + head(twice) + ", not in the ledger " + head(unknown));
        }
    }

    private static void compare(List<String> problems, String where, Set<String> expected, Map<String, Integer> found) {
        long lost = lost(expected, found);
        long duplicated = duplicated(found, expected);
        say("  " + where + ": " + found.size() + " distinct, lost " + lost + ", duplicated or not in the ledger " + duplicated);
        if (lost > 0 || duplicated > 0) {
            problems.add(where + ": lost " + head(expected.stream().filter(id -> !found.containsKey(id)).sorted().toList())
                    + ", more than once or not in the ledger " + head(found.entrySet().stream()
                    .filter(e -> e.getValue() > 1 || !expected.contains(e.getKey())).map(Map.Entry::getKey).sorted().toList()));
        }
    }

    private static long lost(Set<String> expected, Map<String, Integer> found) {
        return expected.stream().filter(id -> !found.containsKey(id)).count();
    }

    private static long duplicated(Map<String, Integer> found, Set<String> expected) {
        return found.entrySet().stream().filter(e -> e.getValue() > 1 || !expected.contains(e.getKey())).count();
    }

    private static String head(List<String> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + " and " + (ids.size() - 5) + " more";
    }

    private static Map<String, Integer> countBy(String db, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, Integer> grouped(String sql) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = connect("evaluation"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect("evaluation"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(db), postgres.username(), postgres.password());
    }

    /** Waits until participation-service knows the campaign: a record outside its period is refused (422), not 'campaign-not-known' (409). */
    private void awaitCampaignKnown(String campaignId, String officer) throws Exception {
        Map<String, Object> probe = new HashMap<>(Load.recordBody(campaignId, UNITS.get(0), null, 0));
        probe.put("occurredOn", "2000-01-01");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("POST", participation1.url() + "/api/participations", probe, officer).statusCode() == 409) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("participation-service never learned of campaign " + campaignId);
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(String method, String url, Object body, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body),
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void startBroker() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        broker = KafkaBrokerProcess.start(java, System.getProperty("java.class.path"), kafkaDir, kafkaPort, controllerPort, logs.resolve("kafka.log"),
                Map.of());
    }

    private static ServiceNode node(String name, String service, Path repo, Map<String, String> common, String db) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("THIDUA_DB_URL", postgres.jdbcUrl(db));
        return new ServiceNode(name, service, repo, freePort(), env, logs);
    }

    private static List<ServiceNode> nodes() {
        List<ServiceNode> all = new ArrayList<>();
        Stream.of(campaign, participation1, participation2, evaluation, evaluation2).forEach(all::add);
        return all;
    }

    private static int freePort() {
        return vn.thidua.testsupport.Ports.free();
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private static void say(String text) {
        System.out.println("[" + LocalTime.now().withNano(0) + "] " + text);
    }
}
