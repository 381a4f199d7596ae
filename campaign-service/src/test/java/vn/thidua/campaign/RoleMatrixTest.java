package vn.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.testsupport.SignedIn.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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

/** campaign-service's role matrix (README, "Who may do what"): every endpoint × every kind of caller. */
@QuarkusTest
class RoleMatrixTest {

    @Inject
    DataSource dataSource;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() {
        SeedData.registerUnits();
        given().contentType(ContentType.JSON).body(SeedData.plan132()).post("/api/plans").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String planId = given().get("/api/plans").then().extract().path("find { it.number == '132/KH-UBND' }.planId");
        String campaignId = given().contentType(ContentType.JSON).body(SeedData.phaseCampaign()).post("/api/campaigns")
                .then().statusCode(201).extract().path("campaignId");

        List<Endpoint> endpoints = List.of(
                Endpoint.of("GET /api/plans", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/plans")),
                Endpoint.of("GET /api/plans/{id}", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/plans/" + planId)),
                Endpoint.of("POST /api/plans", RoleMatrix.FEED_OR_OFFICER, Set.of(200), r -> r.body(SeedData.plan132()).post("/api/plans")),
                Endpoint.of("GET /api/units", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/units")),
                Endpoint.of("PUT /api/units/{code}", RoleMatrix.OFFICER, Set.of(200),
                        r -> r.body(Map.of("name", "Văn phòng Sở", "head", "Trưởng Văn phòng Sở")).put("/api/units/VP")),
                Endpoint.of("GET /api/campaigns", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/campaigns")),
                Endpoint.of("GET /api/campaigns/{id}", RoleMatrix.READERS, Set.of(200), r -> r.get("/api/campaigns/" + campaignId)),
                Endpoint.of("POST /api/campaigns", RoleMatrix.OFFICER, Set.of(201), r -> r.body(SeedData.phaseCampaign()).post("/api/campaigns")),
                Endpoint.of("POST /api/campaigns/{id}/acknowledgements/{unit}", RoleMatrix.UNIT_HEAD_OR_OFFICER, Set.of(200, 201),
                        r -> r.post("/api/campaigns/" + campaignId + "/acknowledgements/VP")));

        assertThat(new RoleMatrix("VP", "TTR").mismatches(endpoints)).isEmpty();
    }

    @Test
    void the_acknowledgement_names_the_token_not_the_body() {
        SeedData.registerUnits();
        given().contentType(ContentType.JSON).body(SeedData.plan132()).post("/api/plans").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String campaignId = given().contentType(ContentType.JSON).body(SeedData.phaseCampaign()).post("/api/campaigns")
                .then().statusCode(201).extract().path("campaignId");

        SignedIn.as(TestTokens.unitHead("TTR")).post("/api/campaigns/" + campaignId + "/acknowledgements/TTR")
                .then().statusCode(201).body("acknowledgedBy", org.hamcrest.Matchers.equalTo("user:truong.ttr"));
        given().get("/api/campaigns/" + campaignId).then()
                .body("recipients.find { it.unitCode == 'TTR' }.acknowledgedBy", org.hamcrest.Matchers.equalTo("user:truong.ttr"));
    }

    @Test
    void a_plan_from_the_feed_is_caused_by_its_client_and_an_acknowledgement_by_the_person() throws Exception {
        Map<String, Object> plan = new java.util.HashMap<>(SeedData.plan132());
        plan.put("number", "7" + System.nanoTime() % 1000 + "/KH-UBND");
        String planId = SignedIn.as(TestTokens.feed()).contentType(ContentType.JSON).body(plan).post("/api/plans")
                .then().statusCode(201).extract().path("planId");
        assertThat(storedActors(planId)).containsExactly("client:provincial-feed");

        SeedData.registerUnits();
        String campaignId = given().contentType(ContentType.JSON).body(SeedData.phaseCampaign()).post("/api/campaigns")
                .then().statusCode(201).extract().path("campaignId");
        SignedIn.as(TestTokens.unitHead("KHTC")).post("/api/campaigns/" + campaignId + "/acknowledgements/KHTC").then().statusCode(201);
        assertThat(storedActors(campaignId)).first().isEqualTo("user:canbo.tdkt");
        assertThat(storedActors(campaignId)).last().isEqualTo("user:truong.khtc");
    }

    /** The MetaData actor of each stored event of an aggregate, in order (Axon's store: what the relay publishes). */
    private List<String> storedActors(String aggregateId) throws Exception {
        List<String> actors = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            q.setString(1, aggregateId);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    actors.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rows.getBytes(1)).path(Actor.METADATA_KEY).asText(null));
                }
            }
        }
        return actors;
    }

    @Test
    void health_status_and_openapi_are_open_and_metrics_and_health_details_are_for_the_officer_and_auditors() {
        RestAssured.given().get("/q/health/live").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("{\"status\":\"UP\"}"));
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("{\"status\":\"UP\"}"))
                .header("X-Content-Type-Options", "nosniff");
        RestAssured.given().get("/q/health").then().statusCode(401).contentType("application/problem+json");
        SignedIn.as(TestTokens.unitHead("VP")).get("/q/health/ready?x").then().statusCode(200);
        SignedIn.as(TestTokens.unitHead("VP")).get("/q/health").then().statusCode(403).contentType("application/problem+json");
        SignedIn.as(TestTokens.auditor()).get("/q/health").then().statusCode(200).body("checks.size()", org.hamcrest.Matchers.greaterThan(0));
        RestAssured.given().get("/q/openapi").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        SignedIn.as(TestTokens.feed()).get("/q/metrics").then().statusCode(403).contentType("application/problem+json");
        SignedIn.as(TestTokens.auditor()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void no_cross_origin_access_is_granted() {
        RestAssured.given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/campaigns").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        SignedIn.given().header("Origin", "https://evil.example").get("/api/campaigns").then().statusCode(200)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
