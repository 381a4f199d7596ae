package vn.thidua.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
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
import vn.thidua.testsupport.PublishedChainRule;
import vn.thidua.testsupport.RealServers;
import vn.thidua.testsupport.TopicReader;

/**
 * The audit bundle on a real broker's log: exported by the tool, checked by docs/verify_bundle.py
 * (python3, standard library) to the same verdict as the tool, clean or tampered; and the log's
 * every hash recomputed from the raw records by the published rule alone.
 */
class BundleTest {
    private static final Path VERIFIER = Path.of("..", "docs", "verify_bundle.py").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL_TOPICS = java.util.Arrays.stream(Topic.values()).map(Topic::address).toList();
    private static KafkaServer kafka;
    private static String closedDigest;

    /**
     * A year with what the table's rules turn on: two campaigns (one over before the year ends), a
     * unit that is not a recipient of one, a member who moves unit mid-year, members with no
     * record, a unit's own records, points over the cap, records outside a period or a stay, and
     * records after the close.
     */
    @BeforeAll
    static void log() throws Exception {
        kafka = RealServers.newKafka();
        AuditTopics.createAll(kafka.bootstrapServers(), "");
        LogFacts facts = new LogFacts();
        try (ChainedEventProducer campaigns = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/campaign-service");
             ChainedEventProducer participation = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/participation-service");
             ChainedEventProducer evaluation = new ChainedEventProducer(kafka.bootstrapServers(), "/thidua/evaluation-service")) {
            LaunchDocument document = new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 12, 1), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC");
            CampaignLaunched phase = new CampaignLaunched("c-dot", CampaignKind.PHASE, "Thi đua đợt 1 năm 2023", "Nội dung đợt 1", List.of(),
                    new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)), document, List.of("VP", "TTR", "KHTC"));
            CampaignLaunched thematic = new CampaignLaunched("c-cd", CampaignKind.THEMATIC, "Chuyển đổi số", "Nội dung chuyên đề", List.of(),
                    new Period(LocalDate.of(2023, 1, 1), null), document, List.of("VP", "TTR"));
            for (CampaignLaunched c : List.of(phase, thematic)) {
                campaigns.publish(c.campaignId(), c);
                facts.campaign(c);
                for (String unit : c.recipientUnitCodes()) {
                    campaigns.publish(c.campaignId(), new DepartmentNotified(c.campaignId(), unit, "Phòng " + unit, c.title(), c.kind(),
                            c.period(), document.number()));
                }
            }
            for (String unit : List.of("VP", "TTR", "KHTC")) {
                for (int m = 1; m <= 3; m++) {
                    MemberJoinedUnit joined = new MemberJoinedUnit(unit + "-" + m, "Nguyễn Văn " + unit + " " + m, "Chuyên viên", unit,
                            LocalDate.of(2022, 3, 1));
                    participation.publish("roster-" + unit, joined);
                    facts.joined(joined);
                }
            }
            MemberLeftUnit left = new MemberLeftUnit("VP-3", "Nguyễn Văn VP 3", "VP", LocalDate.of(2023, 5, 1));
            participation.publish("roster-VP", left);
            facts.left(left);
            MemberJoinedUnit moved = new MemberJoinedUnit("VP-3", "Nguyễn Văn VP 3", "Phó trưởng phòng", "TTR", LocalDate.of(2023, 5, 1));
            participation.publish("roster-TTR", moved);
            facts.joined(moved);

            List<ParticipationRecorded> records = new ArrayList<>();
            ParticipationKind[] kinds = ParticipationKind.values();
            for (int i = 0; i < 40; i++) {
                String unit = List.of("VP", "TTR", "KHTC").get(i % 3);
                String member = i % 7 == 0 ? null : unit + "-" + (1 + i % 2); // members 3 of each unit have no record but VP-3
                records.add(new ParticipationRecorded("r-" + i, i % 2 == 0 ? "c-dot" : "c-cd", unit, member, kinds[i % 4],
                        LocalDate.of(2023, 1 + i % 10, 1 + i % 28), "Hoạt động số " + i, null));
            }
            for (int i = 0; i < 4; i++) { // 40 points in one campaign: capped at 30
                records.add(new ParticipationRecorded("r-cap-" + i, "c-cd", "TTR", "TTR-1", ParticipationKind.INITIATIVE,
                        LocalDate.of(2023, 3, 10 + i), "Sáng kiến số " + i, null));
            }
            records.add(new ParticipationRecorded("r-vp3-before", "c-dot", "VP", "VP-3", ParticipationKind.ACTIVITY, LocalDate.of(2023, 4, 2),
                    "Trước khi chuyển", null));
            records.add(new ParticipationRecorded("r-vp3-after", "c-dot", "TTR", "VP-3", ParticipationKind.ACHIEVEMENT, LocalDate.of(2023, 5, 2),
                    "Sau khi chuyển", null));
            records.add(new ParticipationRecorded("r-vp3-wrong-unit", "c-dot", "VP", "VP-3", ParticipationKind.ACHIEVEMENT,
                    LocalDate.of(2023, 5, 3), "Không còn ở đơn vị", null));
            for (ParticipationRecorded r : records) {
                participation.publish("record-" + r.recordId(), r);
                facts.record(r);
            }
            List<PartitionOffset> watermark = new ArrayList<>();
            for (Topic t : List.of(Topic.CAMPAIGN, Topic.ROSTER, Topic.PARTICIPATION)) {
                Map<Integer, Long> next = new TreeMap<>(Map.of(0, 0L, 1, 0L));
                read(List.of(t.address())).forEach(r -> next.merge(r.partition(), r.offset() + 1, Math::max));
                next.forEach((p, o) -> watermark.add(new PartitionOffset(t.address(), p, o)));
            }
            closedDigest = Scorer.score(2023, facts, ScoringPolicies.of("v1")).digest();
            evaluation.publish("appraisal-2023", new AppraisalClosed(2023, "v1", closedDigest, watermark, new AppraisalCounts(10, 3, 47, 0),
                    "Thanh tra Sở", Instant.parse("2024-01-05T02:00:00Z")));
            participation.publish("record-late", new ParticipationRecorded("r-late", "c-cd", "VP", "VP-1", ParticipationKind.INITIATIVE,
                    LocalDate.of(2023, 12, 30), "Đến sau khi chốt", null));
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static List<ConsumerRecord<String, byte[]>> read(List<String> topics) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(TopicReader.readUntil(kafka.bootstrapServers(), topics, r -> true,
                Duration.ofSeconds(5)));
        records.sort(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.topic()).thenComparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private record Run(int status, String out) {
    }

    private static Run audit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Audit tool = new Audit(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        int status = Audit.command(tool).execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private static Run python(Path bundle) throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v python3").redirectErrorStream(true).start();
        assumeTrue(which.waitFor() == 0, "python3 is not on this machine's PATH: the reference verifier docs/verify_bundle.py is not run");
        Process p = new ProcessBuilder("python3", VERIFIER.toString(), bundle.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static Path export(String suffix) throws Exception {
        Path bundle = Files.createTempFile("bundle-2023", ".jsonl");
        Run run = audit("--bootstrap", kafka.bootstrapServers(), "--year", "2023", "--topic-suffix", suffix, "--export", bundle.toString());
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("Audit bundle of 2023");
        return bundle;
    }

    @Test
    void every_hash_of_the_log_follows_the_published_rule() throws Exception {
        List<ConsumerRecord<String, byte[]>> records = read(ALL_TOPICS);
        assertThat(records).hasSizeGreaterThan(60);
        assertThat(PublishedChainRule.mismatches(records)).isEmpty();

        int at = 0;
        while (!new String(records.get(at).value(), StandardCharsets.UTF_8).contains("\"occurredOn\":\"2023-")) {
            at++;
        }
        ConsumerRecord<String, byte[]> victim = records.get(at);
        records.set(at, new ConsumerRecord<>(victim.topic(), victim.partition(), victim.offset(), victim.timestamp(),
                victim.timestampType(), -1, -1, victim.key(), new String(victim.value(), StandardCharsets.UTF_8).replace("2023-", "2022-")
                .getBytes(StandardCharsets.UTF_8), victim.headers(), java.util.Optional.empty()));
        assertThat(PublishedChainRule.mismatches(records)).singleElement().asString()
                .startsWith(victim.topic() + "-" + victim.partition() + "@" + victim.offset() + ": content hashes to");
    }

    @Test
    void the_reference_verifier_recomputes_the_chains_and_the_closed_digest_from_the_bundle() throws Exception {
        Path bundle = export("");
        List<String> lines = Files.readAllLines(bundle);
        assertThat(lines).hasSize(1 + read(ALL_TOPICS).size() + 1);
        JsonNode table = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(table.path("digest").asText()).isEqualTo(closedDigest)
                .as("the worked example of docs/AUDITING.md").isEqualTo("8aa7c307fd2d63ef91982847d6269ca700652fd315e44a6960e4e2be145e3567");
        assertThat(table.path("table").path("units").get(0).path("score").isTextual()).isTrue();

        Run verified = python(bundle);

        assertThat(verified.status()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("0 problems ✓").contains("✓ AppraisalClosed: " + closedDigest)
                .contains("✓ the bundle's table").contains("Result: the bundle holds ✓");
    }

    @Test
    void a_tampered_bundle_fails_as_the_same_log_fails_the_audit() throws Exception {
        Path clean = export("");
        List<String> lines = Files.readAllLines(clean);
        int altered = -1;
        int removed = -1;
        for (int i = 1; i < lines.size() - 1; i++) {
            if (lines.get(i).contains("ParticipationRecorded") && lines.get(i).contains("ACTIVITY")) {
                if (altered < 0) {
                    altered = i;
                } else if (removed < 0 && partitionOf(lines.get(i)) != partitionOf(lines.get(altered))
                        && partitionOf(lines.get(i + 1)) == partitionOf(lines.get(i)) && lines.get(i + 1).contains("thidua.participation.v1")) {
                    removed = i; // not the last of its partition: the next one names it
                }
            }
        }
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(altered, lines.get(altered).replace("ACTIVITY", "INITIATIVE"));
        tampered.remove(removed);
        Path bundle = Files.createTempFile("tampered", ".jsonl");
        Files.write(bundle, tampered);

        Run verified = python(bundle);
        assertThat(verified.status()).as(verified.out()).isEqualTo(1);
        JsonNode a = JSON.readTree(lines.get(altered));
        JsonNode r = JSON.readTree(lines.get(removed));
        String alteredAt = a.path("partition").asInt() + "@" + a.path("offset").asInt();
        assertThat(verified.out()).contains("ALTERED at thidua.participation.v1-" + alteredAt)
                .contains("BROKEN_LINK at thidua.participation.v1-" + r.path("partition").asInt() + "@" + (r.path("offset").asInt() + 1))
                .contains("Result: the bundle does NOT hold ✗");

        // the same records put back on a broker: the tool finds the same two events
        replay(tampered.subList(1, tampered.size() - 1), ".tampered");
        Run audited = audit("--bootstrap", kafka.bootstrapServers(), "--topic-suffix", ".tampered");
        assertThat(audited.status()).as(audited.out()).isEqualTo(1);
        assertThat(audited.out()).contains("ALTERED at thidua.participation.v1.tampered-" + alteredAt)
                // on the broker the next record takes the removed one's offset
                .contains("BROKEN_LINK at thidua.participation.v1.tampered-" + r.path("partition").asInt() + "@" + r.path("offset").asInt());
    }

    private static int partitionOf(String recordLine) throws Exception {
        return JSON.readTree(recordLine).path("partition").asInt();
    }

    /** Writes bundle record lines to {@code <topic><suffix>}, same partitions, in order (offsets shift after a removed record). */
    private static void replay(List<String> recordLines, String suffix) throws Exception {
        AuditTopics.createAll(kafka.bootstrapServers(), suffix);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer())) {
            for (String line : recordLines) {
                JsonNode r = JSON.readTree(line);
                RecordHeaders headers = new RecordHeaders();
                r.path("headers").forEach(h -> headers.add(h.get(0).asText(), h.get(1).asText().getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(r.path("topic").asText() + suffix, r.path("partition").asInt(), r.path("timestamp").asLong(),
                        r.path("key").asText(), r.path("value").asText().getBytes(StandardCharsets.UTF_8), headers)).get();
            }
        }
    }
}
