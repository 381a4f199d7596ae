package vn.thidua.participation.record;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.Topic;
import vn.thidua.participation.Fixtures;
import vn.thidua.participation.catalog.CatalogConsumer;
import vn.thidua.testsupport.TopicReader;

/** Records accepted or refused against the campaigns seen on Kafka, the rosters and the closed years. */
@QuarkusTest
class ParticipationFlowTest {
    private static final String CAMPAIGN = "ntm-2021-2025";
    private static ProducerRecord<String, byte[]> launchRecord;

    @Inject
    CatalogConsumer catalog;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void campaignLaunchedAndRosters() {
        synchronized (ParticipationFlowTest.class) {
            if (launchRecord == null) {
                launchRecord = Fixtures.campaignService().publish(CAMPAIGN,
                        Fixtures.campaign(CAMPAIGN, LocalDate.of(2022, 9, 15), LocalDate.of(2025, 12, 31), "VP", "TTR"));
                Fixtures.awaitCampaignKnown(CAMPAIGN);
            }
        }
        Fixtures.join("VP", "CB-101", "Nguyễn Thị Thu Hà", "2022-01-01");
        Fixtures.join("TTR", "CB-102", "Trần Quốc Việt", "2023-02-01");
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/participations").then();
    }

    private static void refused(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/" + type)).body("detail", not(equalTo(null)));
    }

    @Test
    void an_activity_of_a_member_on_the_roster_is_recorded_and_listed() {
        String id = post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2023-03-08")).statusCode(201)
                .header("Location", containsString("/api/participations/"))
                .body("description", equalTo("Tham gia ngày hội “Chung sức xây dựng nông thôn mới” tại xã Tân Cương"))
                .extract().path("recordId");
        given().get("/api/participations?campaignId=" + CAMPAIGN + "&memberId=CB-101&year=2023").then().statusCode(200)
                .body("items.recordId", hasItem(id)).body("page", equalTo(0));
        given().get("/api/participations?memberId=CB-101&year=2022").then().statusCode(200).body("items.recordId", not(hasItem(id)));
    }

    @Test
    void records_from_a_day_on_are_counted_with_one_row_asked_for() {
        post(Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-05-31")).statusCode(201);
        String june = post(Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-06-01")).statusCode(201).extract().path("recordId");
        int fromJune = given().get("/api/participations?memberId=CB-102&year=2023&from=2023-06-01&page=0&size=500").then().statusCode(200)
                .body("items.recordId", hasItem(june)).body("items.occurredOn", everyItem(greaterThanOrEqualTo("2023-06-01")))
                .extract().path("items.size()");
        given().get("/api/participations?memberId=CB-102&year=2023&from=2023-06-01&page=0&size=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(fromJune));
        int inYear = given().get("/api/participations?memberId=CB-102&year=2023&page=0&size=1").then().statusCode(200)
                .extract().path("total");
        assertThat(inYear).isGreaterThan(fromJune);
        refused(given().get("/api/participations?year=2023&from=2023-02-30").then(), 400, "invalid-value");
    }

    @Test
    void the_answer_is_the_record_as_stored_and_a_retry_gets_it_again() throws Exception {
        Map<String, Object> body = Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2023-04-12");
        var created = given().contentType(ContentType.JSON).header("Idempotency-Key", "flow-answer-1").body(body).post("/api/participations")
                .then().statusCode(201).contentType(ContentType.JSON).extract();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var answer = json.readTree(created.asByteArray());
        var stored = json.readTree(given().get(created.header("Location")).then().statusCode(200).extract().asByteArray());
        assertThat(answer).isEqualTo(stored);
        assertThat(answer.path("description").asText()).isEqualTo(body.get("description"));

        var again = given().contentType(ContentType.JSON).header("Idempotency-Key", "flow-answer-1").body(body).post("/api/participations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", created.header("Location")).extract();
        assertThat(json.readTree(again.asByteArray())).isEqualTo(answer);
    }

    @Test
    void a_unit_records_for_itself() {
        post(Fixtures.record(CAMPAIGN, "TTR", null, "ACTIVITY", "2023-05-19")).statusCode(201).body("memberId", equalTo(null));
    }

    @Test
    void an_unknown_campaign_is_409_with_retry_advice() {
        refused(post(Fixtures.record("not-launched-yet", "VP", "CB-101", "ACTIVITY", "2023-03-08")), 409, "campaign-not-known");
        post(Fixtures.record("not-launched-yet", "VP", "CB-101", "ACTIVITY", "2023-03-08")).body("retryAfterSeconds", equalTo(5));
    }

    @Test
    void a_unit_that_is_not_a_recipient_is_refused() {
        refused(post(Fixtures.record(CAMPAIGN, "QLKH", null, "ACTIVITY", "2023-03-08")), 422, "unit-not-recipient");
    }

    @Test
    void a_date_outside_the_campaign_is_refused() {
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2022-09-14")), 422, "outside-campaign-period");
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2026-01-01")), 422, "outside-campaign-period");
    }

    @Test
    void a_member_not_on_the_roster_that_day_is_refused() {
        refused(post(Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-01-31")), 422, "member-not-on-roster");
        post(Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-02-01")).statusCode(201);
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-102", "ACTIVITY", "2023-02-01")), 422, "member-not-on-roster");
    }

    @Test
    void a_member_who_left_is_not_on_the_roster_from_the_leave_date() {
        Fixtures.join("VP", "CB-103", "Lê Thị Hồng Nhung", "2022-06-01");
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-07-01")).post("/api/units/VP/members/CB-103/leave")
                .then().statusCode(200).body("changed", equalTo(true));
        post(Fixtures.record(CAMPAIGN, "VP", "CB-103", "ACTIVITY", "2023-06-30")).statusCode(201);
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-103", "ACTIVITY", "2023-07-01")), 422, "member-not-on-roster");
        given().get("/api/units/VP/members?on=2023-06-30").then().body("memberId", hasItem("CB-103"));
        given().get("/api/units/VP/members?on=2023-07-01").then().body("memberId", not(hasItem("CB-103")));
    }

    @Test
    void a_batch_asks_the_roster_of_each_item_on_its_own_day() {
        Fixtures.join("VP", "CB-105", "Đặng Thị Thùy Dương", "2022-06-01");
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-07-01")).post("/api/units/VP/members/CB-105/leave")
                .then().statusCode(200);
        List<Map<String, Object>> items = List.of(
                Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-01-31"), // before the move into TTR
                Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-02-01"),
                Fixtures.record(CAMPAIGN, "VP", "CB-102", "ACTIVITY", "2023-02-01"), // not in VP
                Fixtures.record(CAMPAIGN, "VP", "CB-105", "ACTIVITY", "2023-06-30"),
                Fixtures.record(CAMPAIGN, "VP", "CB-105", "ACTIVITY", "2023-07-01"), // the day of leaving
                Fixtures.record(CAMPAIGN, "VP", "CB-105", "ACTIVITY", "2023-06-30"));
        given().contentType(ContentType.JSON).body(Map.of("items", items)).post("/api/participations/batch").then()
                .statusCode(422).body("type", equalTo("https://thidua.vn/problems/batch-refused"))
                .body("items.index", equalTo(List.of(0, 2, 4)))
                .body("items.problem.type", everyItem(equalTo("https://thidua.vn/problems/member-not-on-roster")));
    }

    @Test
    void a_second_registration_for_the_same_campaign_is_refused() {
        Fixtures.join("VP", "CB-104", "Phạm Minh Đức", "2022-01-01");
        post(Fixtures.record(CAMPAIGN, "VP", "CB-104", "REGISTERED", "2023-01-05")).statusCode(201);
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-104", "REGISTERED", "2023-02-05")), 409, "already-registered");
    }

    @Test
    void an_achievement_needs_evidence() {
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACHIEVEMENT", "2023-03-08")), 422, "evidence-required");
        Map<String, Object> body = Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACHIEVEMENT", "2023-03-08");
        body.put("evidence", Map.of("documentNumber", "QĐ 25/QĐ-KHCN"));
        post(body).statusCode(201).body("evidence.documentNumber", equalTo("QĐ 25/QĐ-KHCN"));
    }

    @Test
    void bad_input_is_400_naming_the_field() {
        Map<String, Object> body = Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2023-03-08");
        body.put("kind", "VOLUNTEERED");
        refused(post(body), 400, "invalid-value");
        body = Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "08/03/2023");
        refused(post(body), 400, "invalid-value");
        body = Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2023-03-08");
        body.put("points", 5);
        refused(post(body), 400, "unknown-field");
        refused(given().get("/api/units/VP/members?on=yesterday").then(), 400, "invalid-value");
    }

    @Test
    void a_closed_year_refuses_records() {
        Fixtures.campaignService().publish("appraisal-2024",
                new AppraisalClosed(2024, "v1", "0".repeat(64), List.of(), new AppraisalCounts(0, 0, 0, 0), "Thanh tra Sở", Instant.now()));
        Fixtures.await("2024 to be closed", Duration.ofSeconds(30), () -> post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2024-04-01"))
                .extract().statusCode() == 422);
        refused(post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2024-04-02")), 422, "year-closed");
        post(Fixtures.record(CAMPAIGN, "VP", "CB-101", "ACTIVITY", "2025-04-02")).statusCode(201);
    }

    @Test
    void a_campaign_event_delivered_twice_changes_nothing() throws Exception {
        long duplicatesBefore = catalog.consumer().duplicates();
        Fixtures.campaignService().send(launchRecord);
        Fixtures.await("the duplicate to be read", Duration.ofSeconds(30), () -> catalog.consumer().duplicates() > duplicatesBefore);
        assertThat(rows("SELECT count(*) FROM known_campaign WHERE campaign_id = '" + CAMPAIGN + "'")).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM known_recipient WHERE campaign_id = '" + CAMPAIGN + "'")).isEqualTo(2);
    }

    @Test
    void records_are_published_to_the_participation_topic_keyed_by_unit() {
        String id = post(Fixtures.record(CAMPAIGN, "TTR", "CB-102", "ACTIVITY", "2023-08-19")).statusCode(201).extract().path("recordId");
        var records = TopicReader.readUntil(Fixtures.bootstrap(), List.of(Topic.PARTICIPATION.address()),
                read -> read.stream().anyMatch(r -> KafkaBinding.fromRecord(r).attributes().aggregateId().equals(id)), Duration.ofSeconds(30));
        var ours = records.stream().filter(r -> KafkaBinding.fromRecord(r).attributes().aggregateId().equals(id)).toList();
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).key()).isEqualTo("TTR");
        ParticipationRecorded event = (ParticipationRecorded) KafkaBinding.fromRecord(ours.get(0)).event();
        assertThat(event.memberId()).isEqualTo("CB-102");
        assertThat(event.description()).isEqualTo("Tham gia ngày hội “Chung sức xây dựng nông thôn mới” tại xã Tân Cương");
        assertThat(Set.of(new String(ours.get(0).headers().lastHeader("ce_type").value())))
                .containsExactly("vn.thidua.participation.ParticipationRecorded.v1");
    }

    private long rows(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
