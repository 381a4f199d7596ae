package vn.thidua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.envelope.RawEvent;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.Topic;
import vn.thidua.scoring.LogFacts;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.testsupport.ChainedEventProducer;
import vn.thidua.testsupport.KafkaServer;
import vn.thidua.testsupport.RealServers;
import vn.thidua.testsupport.TopicReader;

/**
 * The audit tool on a real broker: a clean log holds; copies of it with one event altered, removed,
 * swapped or forged are caught and located; a duplicate delivery is not tampering.
 */
class AuditTest {
    private static KafkaServer kafka;
    private static String closedDigest;
    private static Instant midYear;
    private static String digestAtMidYear;

    @BeforeAll
    static void cleanLog() throws Exception {
        kafka = RealServers.newKafka();
        AuditTopics.createAll(kafka.bootstrapServers(), "");
        LogFacts facts = new LogFacts();
        try (ChainedEventProducer campaignService = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/campaign-service");
             ChainedEventProducer participationService = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/participation-service");
             ChainedEventProducer evaluationService = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/evaluation-service")) {
            CampaignLaunched campaign = new CampaignLaunched("c-ntm", CampaignKind.THEMATIC, "Thái Nguyên chung sức xây dựng nông thôn mới",
                    "Nội dung", List.of(), new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)),
                    new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 12, 1), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"),
                    List.of("VP", "TTR", "KHTC"));
            campaignService.publish("c-ntm", campaign);
            facts.campaign(campaign);
            for (String unit : List.of("VP", "TTR", "KHTC")) {
                for (int m = 1; m <= 3; m++) {
                    MemberJoinedUnit joined = new MemberJoinedUnit(unit + "-" + m, "Cán bộ " + unit + " số " + m, null, unit, LocalDate.of(2022, 1, 1));
                    participationService.publish("roster-" + unit, joined);
                    facts.joined(joined);
                }
            }
            for (int i = 0; i < 60; i++) {
                String unit = List.of("VP", "TTR", "KHTC").get(i % 3);
                ParticipationRecorded r = new ParticipationRecorded("r-" + i, "c-ntm", unit, unit + "-" + (1 + i % 3),
                        ParticipationKind.values()[i % 2 == 0 ? 1 : 0], LocalDate.of(2023, 1 + i % 12, 1 + i % 27), "Hoạt động số " + i, null);
                participationService.publish("record-" + i, r);
                if (i < 50) {
                    facts.record(r);
                }
                if (i == 29) {
                    Thread.sleep(1500);
                    midYear = Instant.now();
                    digestAtMidYear = Scorer.score(2023, facts, ScoringPolicies.current()).digest();
                    Thread.sleep(1500);
                }
                if (i == 49) {
                    // evaluation-service closes 2023 here: its watermark is the end of every topic now
                    List<PartitionOffset> watermark = ends();
                    closedDigest = Scorer.score(2023, facts, ScoringPolicies.current()).digest();
                    evaluationService.publish("appraisal-2023", new AppraisalClosed(2023, "v1", closedDigest, watermark,
                            new AppraisalCounts(9, 3, 50, 0), "Thanh tra Sở", Instant.now()));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static List<PartitionOffset> ends() {
        List<PartitionOffset> out = new ArrayList<>();
        for (Topic t : List.of(Topic.CAMPAIGN, Topic.ROSTER, Topic.PARTICIPATION)) {
            var records = TopicReader.readUntil(kafka.bootstrapServers(), List.of(t.address()), r -> true, Duration.ofSeconds(5));
            Map<Integer, Long> next = new TreeMap<>();
            records.forEach(r -> next.merge(r.partition(), r.offset() + 1, Math::max));
            next.forEach((p, o) -> out.add(new PartitionOffset(t.address(), p, o)));
        }
        return out;
    }

    /** Runs the tool; returns its exit status, its output and its JSON report. */
    private record Run(int status, String out, JsonNode report) {
    }

    private static Run audit(String... args) throws Exception {
        Path json = Files.createTempFile("audit", ".json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        all.add(json.toString());
        Audit tool = new Audit(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Audit.command(tool).execute(all.toArray(String[]::new));
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        JsonNode report = Files.size(json) > 0 ? new ObjectMapper().readTree(json.toFile()) : null;
        return new Run(status, text, report);
    }

    /** Copies every topic to {@code <topic><suffix>}, partition by partition, changing the participation partition 0 as told. */
    private static void copy(String suffix, UnaryOperator<List<ConsumerRecord<String, byte[]>>> tamper) throws Exception {
        AuditTopics.createAll(kafka.bootstrapServers(), suffix);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            for (Topic t : Topic.values()) {
                var records = TopicReader.readUntil(kafka.bootstrapServers(), List.of(t.address()), r -> true, Duration.ofSeconds(5));
                for (int p = 0; p < 2; p++) {
                    int partition = p;
                    List<ConsumerRecord<String, byte[]>> inPartition = new ArrayList<>(records.stream().filter(r -> r.partition() == partition).toList());
                    if (t == Topic.PARTICIPATION && p == 0) {
                        inPartition = tamper.apply(inPartition);
                    }
                    for (ConsumerRecord<String, byte[]> r : inPartition) {
                        producer.send(new ProducerRecord<>(t.address() + suffix, partition, r.timestamp(), r.key(), r.value(), r.headers())).get();
                    }
                }
            }
        }
    }

    @Test
    void a_clean_log_holds_and_replays_to_the_closed_digest() throws Exception {
        Run run = audit("--bootstrap", kafka.bootstrapServers());

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("Result: everything holds ✓").contains("2023  CLOSED")
                .contains("2023 was closed by system:evaluation-service at ");
        JsonNode year = run.report().path("years").get(0);
        assertThat(year.path("closedBy").asText()).as("the close's ce_actor").isEqualTo("system:evaluation-service");
        assertThat(year.path("digest").asText()).isEqualTo(closedDigest);
        assertThat(year.path("matches").asBoolean()).isTrue();
        assertThat(year.path("counted").asInt()).isEqualTo(50);
        assertThat(year.path("late").asInt()).isEqualTo(10);
        assertThat(run.report().path("eventsRead").asInt()).isEqualTo(1 + 9 + 60 + 1);
    }

    @Test
    void as_of_mid_year_gives_the_table_as_it_stood_then() throws Exception {
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--as-of", midYear.atOffset(java.time.ZoneOffset.ofHours(7)).toString());

        assertThat(run.status()).as(run.out()).isZero();
        JsonNode year = run.report().path("years").get(0);
        assertThat(year.path("status").asText()).isEqualTo("OPEN");
        assertThat(year.path("recordsRead").asInt()).isEqualTo(30);
        assertThat(year.path("digest").asText()).isEqualTo(digestAtMidYear);
    }

    @Test
    void altered_data_is_caught_and_located() throws Exception {
        copy(".altered", records -> {
            ConsumerRecord<String, byte[]> victim = records.get(3);
            String data = new String(victim.value(), StandardCharsets.UTF_8).replace("\"ACTIVITY\"", "\"INITIATIVE\"").replace("\"REGISTERED\"", "\"INITIATIVE\"");
            records.set(3, new ConsumerRecord<>(victim.topic(), victim.partition(), victim.offset(), victim.timestamp(), victim.timestampType(),
                    -1, -1, victim.key(), data.getBytes(StandardCharsets.UTF_8), victim.headers(), java.util.Optional.empty()));
            return records;
        });
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".altered");

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        JsonNode first = run.report().path("problems").get(0);
        assertThat(first.path("problem").asText()).isEqualTo("ALTERED");
        assertThat(first.path("topic").asText()).isEqualTo("thidua.participation.v1.altered");
        assertThat(first.path("partition").asInt()).isZero();
        assertThat(first.path("offset").asInt()).isEqualTo(3);
        assertThat(run.out()).contains("ALTERED at thidua.participation.v1.altered-0@3");
    }

    @Test
    void a_removed_event_is_caught_at_the_next_one() throws Exception {
        copy(".removed", records -> {
            records.remove(5);
            return records;
        });
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".removed");

        assertThat(run.status()).isEqualTo(1);
        List<String> problems = new ArrayList<>();
        run.report().path("problems").forEach(p -> problems.add(p.path("problem").asText()));
        assertThat(problems).contains("BROKEN_LINK");
        JsonNode first = run.report().path("problems").get(0);
        assertThat(first.path("offset").asInt()).isEqualTo(5);
    }

    @Test
    void swapped_events_are_caught() throws Exception {
        copy(".swapped", records -> {
            ConsumerRecord<String, byte[]> a = records.get(7);
            records.set(7, records.get(8));
            records.set(8, a);
            return records;
        });
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".swapped");

        assertThat(run.status()).isEqualTo(1);
        JsonNode first = run.report().path("problems").get(0);
        assertThat(first.path("problem").asText()).isEqualTo("BROKEN_LINK");
        assertThat(first.path("offset").asInt()).isEqualTo(7);
    }

    @Test
    void a_forged_event_with_a_valid_envelope_but_a_wrong_chain_is_caught() throws Exception {
        copy(".forged", records -> {
            ParticipationRecorded forged = new ParticipationRecorded("r-forged", "c-ntm", records.get(0).key(), records.get(0).key() + "-1",
                    ParticipationKind.INITIATIVE, LocalDate.of(2023, 6, 1), "Sáng kiến giả", null);
            byte[] data = EventCodec.instance().encode(forged);
            PublishedEvent model = KafkaBinding.fromRecord(records.get(4));
            EventAttributes attrs = EventAttributes.unchained("forged-id", model.attributes().source(), model.attributes().type(), Instant.now(),
                    forged.partitionKey(), model.attributes().actor(), "record-forged", 0).chainedAfter(HashChain.GENESIS, data);
            ProducerRecord<String, byte[]> pr = KafkaBinding.toRecord(records.get(4).topic(), 0, attrs, data);
            ConsumerRecord<String, byte[]> model4 = records.get(4);
            records.add(5, new ConsumerRecord<>(pr.topic(), 0, 0, model4.timestamp(), model4.timestampType(), -1, -1, pr.key(), pr.value(),
                    pr.headers(), java.util.Optional.empty()));
            return records;
        });
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".forged");

        assertThat(run.status()).isEqualTo(1);
        JsonNode first = run.report().path("problems").get(0);
        assertThat(first.path("problem").asText()).isEqualTo("BROKEN_LINK");
        assertThat(first.path("eventId").asText()).isEqualTo("forged-id");
        assertThat(first.path("offset").asInt()).isEqualTo(5);
    }

    /**
     * Chains {@code records} again from the first one's previous hash, as a producer that wrote them so
     * would have: every record's hash over its raw headers and value (valid or not).
     */
    private static List<ConsumerRecord<String, byte[]>> rechained(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        String previous = RawEvent.of(records.get(0)).attribute("previoushash");
        for (ConsumerRecord<String, byte[]> r : records) {
            RecordHeaders headers = new RecordHeaders();
            r.headers().forEach(h -> {
                if (!h.key().equals("ce_previoushash") && !h.key().equals("ce_eventhash")) {
                    headers.add(h);
                }
            });
            headers.add("ce_previoushash", previous.getBytes(StandardCharsets.UTF_8));
            ConsumerRecord<String, byte[]> linked = new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                    -1, -1, r.key(), r.value(), headers, java.util.Optional.empty());
            previous = RawEvent.of(linked).contentHash();
            headers.add("ce_eventhash", previous.getBytes(StandardCharsets.UTF_8));
            out.add(linked);
        }
        return out;
    }

    private static ConsumerRecord<String, byte[]> with(ConsumerRecord<String, byte[]> r, String header, String value, byte[] data) {
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        if (header != null) {
            headers.remove(header);
            headers.add(header, value.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(), -1, -1, r.key(), data, headers,
                java.util.Optional.empty());
    }

    @Test
    void events_that_break_the_contract_are_checked_in_their_chain_and_reported_apart() throws Exception {
        List<Integer> broken = new ArrayList<>();
        copy(".violations", records -> {
            // two records read after the close (not scored in 2023), written with a valid chain but breaking the contract
            List<Integer> late = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                String data = new String(records.get(i).value(), StandardCharsets.UTF_8);
                if (data.matches(".*\"recordId\":\"r-5[0-9]\".*")) {
                    late.add(i);
                }
            }
            int schema = late.get(0);
            int type = late.get(late.size() - 1);
            broken.addAll(List.of(schema, type));
            String data = new String(records.get(schema).value(), StandardCharsets.UTF_8).replaceFirst("\"occurredOn\":\"[^\"]*\"",
                    "\"occurredOn\":\"-0001-01-01\"");
            records.set(schema, with(records.get(schema), null, null, data.getBytes(StandardCharsets.UTF_8)));
            records.set(type, with(records.get(type), "ce_type", "vn.thidua.participation.Unknown.v1", records.get(type).value()));
            return rechained(records);
        });
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".violations");

        assertThat(run.status()).as(run.out()).isEqualTo(3);
        assertThat(run.report().path("problems")).as("the chains hold").isEmpty();
        List<String> where = new ArrayList<>();
        run.report().path("contractViolations").forEach(v -> where.add(v.path("problem").asText() + " " + v.path("topic").asText() + "-"
                + v.path("partition").asInt() + "@" + v.path("offset").asInt()));
        assertThat(where).containsExactly("INVALID_EVENT thidua.participation.v1.violations-0@" + broken.get(0),
                "INVALID_EVENT thidua.participation.v1.violations-0@" + broken.get(1));
        assertThat(run.out()).contains("Contract: 2 events break it").contains("hash chains and sequences ✓")
                .contains("thidua.participation.v1.violations-0@" + broken.get(1)).contains("Unknown.v1");
        assertThat(run.report().path("years").get(0).path("digest").asText()).isEqualTo(closedDigest);
    }

    @Test
    void a_duplicate_delivery_is_counted_once_and_is_not_tampering() throws Exception {
        copy(".duplicated", records -> {
            records.add(records.get(records.size() - 1));
            return records;
        });
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".duplicated");

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.report().path("duplicateDeliveries").asInt()).isEqualTo(1);
        assertThat(run.report().path("problems")).isEmpty();
        assertThat(run.report().path("years").get(0).path("digest").asText()).isEqualTo(closedDigest);
    }

    @Test
    void an_unreachable_broker_or_bad_arguments_is_exit_2_with_one_line() throws Exception {
        Run unreachable = audit("--bootstrap", "localhost:1", "--timeout", "3");
        assertThat(unreachable.status()).isEqualTo(2);
        assertThat(unreachable.out()).contains("✗").doesNotContain("\tat ");

        Run bad = audit("--bootstrap", kafka.bootstrapServers(), "--as-of", "yesterday");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.out()).contains("--as-of must be a date-time");

        Run missing = audit("--year", "2023");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.out()).contains("--bootstrap");
    }
}
