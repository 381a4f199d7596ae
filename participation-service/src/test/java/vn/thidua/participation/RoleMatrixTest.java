package vn.thidua.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.thidua.testsupport.SignedIn.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.thidua.kit.axon.Actor;
import vn.thidua.testsupport.RoleMatrix;
import vn.thidua.testsupport.RoleMatrix.Endpoint;
import vn.thidua.testsupport.SignedIn;
import vn.thidua.testsupport.TestTokens;

/** participation-service's role matrix (README, "Who may do what"): every endpoint × every kind of caller. */
@QuarkusTest
class RoleMatrixTest {
    private static final String UNIT = "TTUD";

    @Inject
    DataSource dataSource;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() {
        String campaign = "matrix-" + System.nanoTime();
        Fixtures.campaignService().publish(campaign, Fixtures.campaign(campaign, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), UNIT));
        Fixtures.awaitCampaignKnown(campaign);
        Fixtures.join(UNIT, "UD-1", "Nguyễn Văn Bình", "2022-12-01");
        Fixtures.join(UNIT, "UD-2", "Trần Thị Cúc", "2022-12-01");
        String recordId = given().contentType(ContentType.JSON).body(Fixtures.record(campaign, UNIT, "UD-1", "ACTIVITY", "2023-03-01"))
                .post("/api/participations").then().statusCode(201).extract().path("recordId");

        List<Endpoint> endpoints = List.of(
                Endpoint.of("POST /api/participations", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(201),
                        r -> r.body(Fixtures.record(campaign, UNIT, null, "ACTIVITY", "2023-03-02")).post("/api/participations")),
                Endpoint.of("POST /api/participations/batch", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("attendance", Map.of("record", Fixtures.record(campaign, UNIT, null, "ACTIVITY", "2023-03-03"),
                                "memberIds", List.of("UD-1", "UD-2")))).post("/api/participations/batch")),
                Endpoint.of("GET /api/participations", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/participations?unitCode=" + UNIT)),
                Endpoint.of("GET /api/participations/{id}", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/participations/" + recordId)),
                Endpoint.of("PUT /api/units/{code}/members/{id}", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("fullName", "Nguyễn Văn Bình", "position", "Chuyên viên", "fromDate", "2022-12-01"))
                                .put("/api/units/" + UNIT + "/members/UD-1")),
                Endpoint.of("POST /api/units/{code}/members/{id}/leave", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("date", "2024-01-01")).post("/api/units/" + UNIT + "/members/UD-2/leave")),
                Endpoint.of("GET /api/units/{code}/members", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/units/" + UNIT + "/members?on=2023-06-01")),
                Endpoint.of("PUT /api/units/{code}/ratings/{year}", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("rating", "GOOD")).put("/api/units/" + UNIT + "/ratings/2023")),
                Endpoint.of("PUT /api/units/{code}/ratings/{year}/members/{id}", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("rating", "GOOD")).put("/api/units/" + UNIT + "/ratings/2023/members/UD-1")),
                Endpoint.of("GET /api/units/{code}/ratings/{year}", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/units/" + UNIT + "/ratings/2023")),
                Endpoint.of("POST /api/units/{code}/disciplines", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("memberId", "UD-1", "decisionNumber", "7/QĐ-SKHCN", "level", "REPRIMAND", "from", "2023-02-01",
                                "to", "2023-03-01")).post("/api/units/" + UNIT + "/disciplines")),
                Endpoint.of("GET /api/units/{code}/disciplines", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/units/" + UNIT + "/disciplines?year=2023")),
                Endpoint.of("PUT /api/units/{code}/recruitments/{id}", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200),
                        r -> r.body(Map.of("recruitedOn", "2020-01-06")).put("/api/units/" + UNIT + "/recruitments/UD-1")),
                Endpoint.of("GET /api/units/{code}/recruitments", RoleMatrix.READERS, Set.of(200),
                        r -> r.get("/api/units/" + UNIT + "/recruitments?year=2023")));

        assertThat(new RoleMatrix(UNIT, "VP").mismatches(endpoints)).isEmpty();
    }

    @Test
    void a_unit_head_records_for_their_unit_and_the_event_names_them_from_the_token() throws Exception {
        String campaign = "actor-" + System.nanoTime();
        Fixtures.campaignService().publish(campaign, Fixtures.campaign(campaign, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), UNIT));
        Fixtures.awaitCampaignKnown(campaign);

        String recordId = SignedIn.as(TestTokens.unitHead(UNIT)).contentType(ContentType.JSON)
                .body(Fixtures.record(campaign, UNIT, null, "ACTIVITY", "2023-05-05")).post("/api/participations")
                .then().statusCode(201).body("unitCode", equalTo(UNIT)).extract().path("recordId");

        assertThat(storedActor(recordId)).isEqualTo("user:truong.ttud");
    }

    @Test
    void a_unit_head_batches_only_their_unit_one_foreign_item_refuses_the_batch_and_the_events_name_them() throws Exception {
        String campaign = "actor-batch-" + System.nanoTime();
        Fixtures.campaignService().publish(campaign, Fixtures.campaign(campaign, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), UNIT, "VP"));
        Fixtures.awaitCampaignKnown(campaign);
        Map<String, Object> ours = Fixtures.record(campaign, UNIT, null, "ACTIVITY", "2023-05-06");
        Map<String, Object> foreign = Fixtures.record(campaign, "VP", null, "ACTIVITY", "2023-05-06");

        SignedIn.as(TestTokens.unitHead(UNIT)).contentType(ContentType.JSON).body(Map.of("items", List.of(ours, foreign)))
                .post("/api/participations/batch").then().statusCode(403).contentType("application/problem+json");
        assertThat(records(campaign)).isZero();

        List<String> ids = SignedIn.as(TestTokens.unitHead(UNIT)).contentType(ContentType.JSON).body(Map.of("items", List.of(ours, ours)))
                .post("/api/participations/batch").then().statusCode(200).extract().path("items.recordId");
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(storedActor(id)).isEqualTo("user:truong.ttud");
        }
    }

    private long records(String campaign) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT count(*) FROM participation_view WHERE campaign_id = ?")) {
            q.setString(1, campaign);
            try (var rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The MetaData actor of the record's event in Axon's store: what the relay publishes. */
    private String storedActor(String aggregateId) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            q.setString(1, aggregateId);
            try (var rows = q.executeQuery()) {
                assertThat(rows.next()).as("a stored event for " + aggregateId).isTrue();
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(rows.getBytes(1)).path(Actor.METADATA_KEY).asText(null);
            }
        }
    }
}
