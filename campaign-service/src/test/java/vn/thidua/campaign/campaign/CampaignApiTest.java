package vn.thidua.campaign.campaign;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.campaign.SeedData;
import vn.thidua.testsupport.SignedIn;
import vn.thidua.testsupport.TestTokens;

/** The campaign API's answers, good and bad, as a client sees them. */
@QuarkusTest
class CampaignApiTest {

    @BeforeEach
    void seed() {
        SeedData.registerUnits();
        given().contentType(ContentType.JSON).body(SeedData.plan132()).post("/api/plans").then().statusCode(oneOf(200, 201));
        given().contentType(ContentType.JSON).body(SeedData.plan108()).post("/api/plans").then().statusCode(oneOf(200, 201));
        given().contentType(ContentType.JSON).body(SeedData.plan12()).post("/api/plans").then().statusCode(oneOf(200, 201));
    }

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/campaigns").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/" + type))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)))
                .body(not(containsString("at vn.thidua")));
    }

    private static Map<String, Object> phase() {
        return new HashMap<>(SeedData.phaseCampaign());
    }

    @Test
    void launch_answers_201_with_location_and_every_recipient_notified() {
        post(SeedData.phaseCampaign()).statusCode(201)
                .header("Location", containsString("/api/campaigns/"))
                .body("recipients.size()", equalTo(5))
                .body("recipients.acknowledged", not(hasItem(true)));
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        Map<String, Object> body = phase();
        body.put("budget", 1000);
        problem(post(body), 400, "unknown-field").body("detail", containsString("budget")).body("errors[0].field", equalTo("budget"));
    }

    @Test
    void an_unknown_kind_is_400() {
        Map<String, Object> body = phase();
        body.put("kind", "YEARLY");
        problem(post(body), 400, "invalid-value").body("detail", containsString("PHASE, THEMATIC, REGULAR")).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void broken_json_is_400() {
        problem(given().contentType(ContentType.JSON).body("{\"kind\": ").post("/api/campaigns").then(), 400, "malformed-json");
    }

    @Test
    void a_missing_title_is_400_naming_the_field() {
        Map<String, Object> body = phase();
        body.remove("title");
        problem(post(body), 400, "invalid-request").body("errors.field", hasItem("title"));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_400() {
        Map<String, Object> body = phase();
        body.put("period", Map.of("from", "2023-06-11", "to", "2022-09-15"));
        problem(post(body), 400, "invalid-period").body("errors[0].field", equalTo("period.to"));
    }

    @Test
    void a_phase_without_an_end_is_422() {
        Map<String, Object> body = phase();
        body.put("period", Map.of("from", "2022-09-15"));
        problem(post(body), 422, "phase-needs-end");
    }

    @Test
    void an_unregistered_basis_plan_is_422() {
        Map<String, Object> body = phase();
        body.put("basisPlanNumbers", List.of("999/KH-UBND"));
        problem(post(body), 422, "unknown-plan").body("detail", containsString("999/KH-UBND"));
    }

    @Test
    void an_unregistered_recipient_is_422() {
        Map<String, Object> body = phase();
        body.remove("allUnits");
        body.put("recipientUnitCodes", List.of("VP", "XYZ"));
        problem(post(body), 422, "unknown-unit").body("detail", containsString("XYZ"));
    }

    @Test
    void recipients_must_be_a_list_or_all_units() {
        Map<String, Object> body = phase();
        body.remove("allUnits");
        problem(post(body), 400, "recipients-required");
    }

    @Test
    void an_unknown_campaign_is_404() {
        problem(given().get("/api/campaigns/no-such-campaign").then(), 404, "campaign-not-found");
        problem(given().post("/api/campaigns/no-such-campaign/acknowledgements/VP").then(), 404, "campaign-not-found");
    }

    @Test
    void an_unknown_path_is_404_problem() {
        problem(given().get("/api/nothing-here").then(), 404, "not-found");
    }

    @Test
    void a_bad_unit_code_is_400() {
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "Phòng mới")).put("/api/units/bad code").then(), 400, "invalid-request");
    }

    @Test
    void acknowledging_is_201_once_then_200_with_the_first_who_is_the_token_and_a_non_recipient_is_422() {
        Map<String, Object> body = phase();
        body.remove("allUnits");
        body.put("recipientUnitCodes", List.of("VP", "TTR"));
        String id = post(body).statusCode(201).extract().path("campaignId");

        SignedIn.as(TestTokens.unitHead("VP")).post("/api/campaigns/" + id + "/acknowledgements/VP").then().statusCode(201)
                .body("first", equalTo(true)).body("acknowledgedBy", equalTo("user:truong.vp"));
        given().post("/api/campaigns/" + id + "/acknowledgements/VP").then().statusCode(200)
                .body("first", equalTo(false)).body("acknowledgedBy", equalTo("user:truong.vp"));
        problem(given().post("/api/campaigns/" + id + "/acknowledgements/QLKH").then(), 422, "unit-not-recipient");
        given().get("/api/campaigns/" + id).then()
                .body("recipients.find { it.unitCode == 'VP' }.acknowledgedBy", equalTo("user:truong.vp"))
                .body("recipients.find { it.unitCode == 'TTR' }.acknowledged", equalTo(false));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_answer_and_launches_nothing_new() {
        int before = given().get("/api/campaigns").then().extract().path("size()");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "launch-75-nam-1").body(SeedData.phaseCampaign())
                .post("/api/campaigns").then().statusCode(201).extract().path("campaignId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "launch-75-nam-1").body(SeedData.phaseCampaign())
                .post("/api/campaigns").then().statusCode(201)
                .header("Location", containsString(first))
                .body("campaignId", equalTo(first));
        int after = given().get("/api/campaigns").then().extract().path("size()");
        assertThat(after).isEqualTo(before + 1);

        problem(given().contentType(ContentType.JSON).header("Idempotency-Key", "launch-75-nam-1").body(SeedData.thematicCampaign())
                .post("/api/campaigns").then(), 409, "idempotency-key-reused");
    }

    @Test
    void a_refused_request_does_not_burn_its_idempotency_key() {
        Map<String, Object> body = phase();
        body.put("basisPlanNumbers", List.of("404/KH-UBND"));
        problem(given().contentType(ContentType.JSON).header("Idempotency-Key", "k-refused").body(body).post("/api/campaigns").then(),
                422, "unknown-plan");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-refused").body(body).post("/api/campaigns")
                .then().statusCode(422);
    }

    @Test
    void decomposed_vietnamese_is_stored_as_nfc_and_comes_back_byte_identical() {
        String nfc = "Phong trào “Dân vận khéo” — Sở Khoa học và Công nghệ";
        Map<String, Object> body = phase();
        body.put("title", Normalizer.normalize(nfc, Normalizer.Form.NFD));
        String id = post(body).statusCode(201).extract().path("campaignId");

        byte[] raw = given().get("/api/campaigns/" + id).then().statusCode(200).extract().asByteArray();
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("\"title\":\"" + nfc + "\"");
        given().get("/api/campaigns?year=2023&kind=PHASE").then().statusCode(200).body("title", hasItem(nfc));
    }

    @Test
    void campaigns_are_listed_by_year_and_kind() {
        post(SeedData.thematicCampaign()).statusCode(201);
        given().get("/api/campaigns?year=2025&kind=THEMATIC").then().statusCode(200)
                .body("kind", not(hasItem("PHASE")))
                .body("title", hasItem("Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025"));
        given().get("/api/campaigns?year=2024&kind=PHASE").then().statusCode(200)
                .body("title", not(hasItem(SeedData.phaseCampaign().get("title"))));
    }
}
