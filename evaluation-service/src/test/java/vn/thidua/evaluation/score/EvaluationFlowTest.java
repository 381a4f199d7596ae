package vn.thidua.evaluation.score;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.Topic;
import vn.thidua.evaluation.facts.FactsConsumer;
import vn.thidua.testsupport.ChainedEventProducer;
import vn.thidua.testsupport.SignedIn;
import vn.thidua.testsupport.TestTokens;
import vn.thidua.testsupport.TopicReader;

/**
 * The projection on a real broker and database: events published as campaign- and
 * participation-service would, the tables checked against values computed by hand, then the close,
 * a late record, a redelivery and a rebuild. The steps build on each other, in order.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationFlowTest {
    private static ChainedEventProducer campaigns;
    private static ChainedEventProducer participation;
    private static ProducerRecord<String, byte[]> someRecord;
    private static String digestAtClose;
    private static int seq;

    @Inject
    FactsConsumer consumer;

    @Inject
    javax.sql.DataSource dataSource;

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static ProducerRecord<String, byte[]> record(String unit, String member, ParticipationKind kind, String day) {
        return record(unit, member, kind, day, "Hoạt động thi đua");
    }

    private static ProducerRecord<String, byte[]> record(String unit, String member, ParticipationKind kind, String day, String description) {
        String id = "rec-" + (++seq);
        return participation.publish(id, new ParticipationRecorded(id, "A", unit, member, kind, LocalDate.parse(day), description, null));
    }

    private static void join(String unit, String member, String name, String day) {
        participation.publish("roster-" + unit, new MemberJoinedUnit(member, name, "Chuyên viên", unit, LocalDate.parse(day)));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static int counted(int year) {
        return given().get("/api/appraisals/" + year).then().statusCode(200).extract().path("counts.countedRecords");
    }

    @Test
    @Order(1)
    void the_tables_are_what_the_rules_give_by_hand() {
        campaigns = new ChainedEventProducer(bootstrap(), "/thidua/campaign-service");
        participation = new ChainedEventProducer(bootstrap(), "/thidua/participation-service");
        campaigns.publish("A", new CampaignLaunched("A", CampaignKind.THEMATIC, "Thái Nguyên chung sức xây dựng nông thôn mới", "Nội dung",
                List.of(), new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)),
                new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 12, 15), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"), List.of("VP", "TTR")));
        join("VP", "m1", "Nguyễn Văn Mạnh", "2022-01-01");
        join("TTR", "m2", "Trần Thị Ngọc Ánh", "2023-01-01");
        join("VP", "m3", "Lê Đức Thọ", "2023-06-01");
        participation.publish("roster-VP", new MemberLeftUnit("m3", "Lê Đức Thọ", "VP", LocalDate.of(2024, 1, 1)));
        someRecord = record("VP", "m1", ParticipationKind.ACHIEVEMENT, "2023-03-03");
        record("VP", "m1", ParticipationKind.ACHIEVEMENT, "2023-04-04");
        for (int i = 1; i <= 4; i++) {
            record("TTR", "m2", ParticipationKind.INITIATIVE, "2023-0" + (i + 4) + "-10");
        }
        record("VP", "m3", ParticipationKind.ACTIVITY, "2023-07-01");
        record("VP", null, ParticipationKind.REGISTERED, "2023-01-05");
        record("VP", "m1", ParticipationKind.ACTIVITY, "2024-02-02");
        record("VP", "m3", ParticipationKind.ACTIVITY, "2024-01-01"); // the leave day: not counted

        await("8 records of 2023 counted", () -> counted(2023) == 8);

        // members: m2 4 × 10 capped at 30; m1 5 + 5; m3 2
        given().get("/api/scores/2023/members/m2").then().statusCode(200)
                .body("score", equalTo(30)).body("rank", equalTo(1)).body("fullName", equalTo("Trần Thị Ngọc Ánh"))
                .body("records", hasSize(4)).body("status", equalTo("OPEN"));
        given().get("/api/scores/2023/members/m1").then().body("score", equalTo(10)).body("rank", equalTo(2));
        given().get("/api/scores/2023/members/m3").then().body("score", equalTo(2)).body("rank", equalTo(3));
        // units: TTR 30 / 1 = 30.00; VP (10 + 2) / 2 + 1 = 7.00; both full coverage
        given().get("/api/scores/2023/units").then().statusCode(200)
                .body("units.unitCode", equalTo(List.of("TTR", "VP")))
                .body("units[0].score", equalTo("30.00")).body("units[1].score", equalTo("7.00"))
                .body("units[1].coverage", equalTo("1.00")).body("units[1].collectivePoints", equalTo(1))
                .body("units[1].rosterSize", equalTo(2));
        given().get("/api/scores/2023/units/VP/members").then().statusCode(200)
                .body("members.memberId", equalTo(List.of("m1", "m3"))).body("members[0].pointsInUnit", equalTo(10));
        // 2024: m1 2; m3 left VP on 2024-01-01 so that day does not count
        await("the 2024 record", () -> counted(2024) == 1);
        given().get("/api/scores/2024/members/m1").then().body("score", equalTo(2));
        given().get("/api/appraisals/2024").then().body("counts.refusedRecords", equalTo(1));
    }

    @Test
    @Order(2)
    void csv_tables_open_in_excel_with_vietnamese_headers() {
        byte[] csv = given().get("/api/scores/2023/units?format=csv").then().statusCode(200)
                .contentType("text/csv").extract().asByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFHạng,Mã đơn vị,Điểm,Tỷ lệ tham gia").contains("\r\n1,TTR,30.00,1.00,0,1,1\r\n");
        String members = new String(given().get("/api/scores/2023/units/TTR/members?format=csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(members).contains("Trần Thị Ngọc Ánh");
    }

    @Test
    @Order(3)
    void a_redelivered_event_changes_nothing() {
        await("the digest of the current table", () -> given().get("/api/scores/2023/units").then().extract().<Boolean>path("digestCurrent"));
        String before = given().get("/api/scores/2023/units").then().extract().path("digest");
        long duplicates = consumer.consumer().duplicates();
        participation.send(someRecord);
        await("the redelivery to be read", () -> consumer.consumer().duplicates() > duplicates);
        given().get("/api/scores/2023/units").then().body("digest", equalTo(before));
        assertThat(counted(2023)).isEqualTo(8);
    }

    @Test
    @Order(4)
    void closing_freezes_the_year_once_and_publishes_appraisal_closed() throws Exception {
        String digest = given().get("/api/scores/2023/units").then().extract().path("digest");
        given().post("/api/appraisals/2023/close")
                .then().statusCode(201)
                .body("digest", equalTo(digest)).body("closedNow", equalTo(true)).body("inFlightRecords", equalTo(0))
                .body("counts.countedRecords", equalTo(8)).body("counts.members", equalTo(3));
        SignedIn.as(TestTokens.person("thanhtra.khac", java.util.List.of("officer"), null)).post("/api/appraisals/2023/close")
                .then().statusCode(200).body("digest", equalTo(digest)).body("closedNow", equalTo(false)).body("closedBy", equalTo("user:canbo.tdkt"));
        digestAtClose = digest;

        // other tests of this application close other years (RoleMatrixTest: 2031)
        var records = TopicReader.readUntil(bootstrap(), List.of(Topic.APPRAISAL.address()),
                read -> read.stream().anyMatch(r -> "2023".equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> "2023".equals(r.key())).toList();
        assertThat(records).hasSize(1);
        AppraisalClosed closed = (AppraisalClosed) KafkaBinding.fromRecord(records.get(0)).event();
        assertThat(closed.digest()).isEqualTo(digest);
        assertThat(closed.closedBy()).isEqualTo("user:canbo.tdkt");
        assertThat(storedActors("appraisal-2023")).containsExactly("user:canbo.tdkt");
        assertThat(closed.watermark()).extracting(w -> w.topic()).contains(Topic.PARTICIPATION.address(), Topic.ROSTER.address());
        given().get("/api/appraisals/2023").then().body("status", equalTo("CLOSED")).body("digestMatches", equalTo(true));
    }

    @Test
    @Order(5)
    void a_record_for_the_closed_year_is_late_listed_and_never_counted() {
        long applied = consumer.consumer().applied();
        // quotes, commas, braces and a backslash: the facts are written as PostgreSQL arrays, and must come back as they were
        String description = "Sáng kiến \"Số hoá hồ sơ\", {bước 2}, C:\\thidua — năm 2023";
        record("VP", "m1", ParticipationKind.INITIATIVE, "2023-12-20", description);
        await("the late record to be applied", () -> consumer.consumer().applied() > applied);

        given().get("/api/appraisals/2023").then().body("lateRecords", equalTo(1)).body("digest", equalTo(digestAtClose))
                .body("digestMatches", equalTo(true));
        given().get("/api/appraisals/2023/late").then().body("recordId", equalTo(List.of("rec-" + seq)))
                .body("description", equalTo(List.of(description)));
        given().get("/api/scores/2023/units").then().body("digest", equalTo(digestAtClose)).body("status", equalTo("CLOSED"));
        given().get("/api/scores/2023/members/m1").then().body("score", equalTo(10));
    }

    @Test
    @Order(6)
    void a_rebuild_from_the_topics_reproduces_every_digest() {
        given().post("/api/projection/rebuild").then().statusCode(200)
                .body("identical", equalTo(true))
                .body("after.2023", equalTo(digestAtClose));
        given().get("/api/appraisals/2023").then().body("status", equalTo("CLOSED")).body("lateRecords", equalTo(1));
        given().get("/api/scores/2024/members/m1").then().body("score", equalTo(2));
    }

    @Test
    @Order(7)
    void unknown_things_are_404_problems() {
        given().get("/api/scores/2023/members/nobody").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/member-not-scored"));
        given().get("/api/scores/1944/units").then().statusCode(400).contentType("application/problem+json");
    }

    /** The MetaData actor of every stored event of an aggregate (Axon's store: what the relay publishes). */
    private List<String> storedActors(String aggregateId) throws Exception {
        List<String> actors = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            q.setString(1, aggregateId);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    actors.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rows.getBytes(1)).path(vn.thidua.kit.axon.Actor.METADATA_KEY).asText(null));
                }
            }
        }
        return actors;
    }
}
