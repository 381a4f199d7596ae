package vn.thidua.campaign.plan;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The provincial feed resends plans, sometimes many copies at once. */
@QuarkusTest
class PlanIntakeTest {
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper mapper;

    private static Map<String, Object> plan(String number) {
        return Map.of("number", number, "issuedOn", "2023-03-01", "issuer", "UBND tỉnh Thái Nguyên",
                "title", "Kế hoạch thi đua chuyên đề chuyển đổi số", "period", Map.of("from", "2023-03-01", "to", "2023-12-31"));
    }

    @Test
    void the_same_plan_sent_100_times_in_parallel_is_one_plan_and_no_error() throws Exception {
        String body = mapper.writeValueAsString(plan("201/KH-UBND"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/plans"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + vn.thidua.testsupport.TestTokens.feed())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> planIds = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            planIds.add(mapper.readTree(response.body()).path("planId").asText());
        }
        pool.shutdown();

        assertThat(statuses).isEqualTo(Map.of(201, 1, 200, 99));
        assertThat(planIds).containsOnly(planIds.get(0));
        assertThat(storedEvents(planIds.get(0))).isEqualTo(1);
        given().get("/api/plans").then().statusCode(200).body("findAll { it.number == '201/KH-UBND' }.size()", equalTo(1));
    }

    @Test
    void the_same_number_with_other_content_is_409_naming_the_differing_fields() {
        String id = given().contentType(ContentType.JSON).body(plan("202/KH-UBND")).post("/api/plans")
                .then().statusCode(201).extract().path("planId");
        Map<String, Object> changed = new HashMap<>(plan("202/KH-UBND"));
        changed.put("title", "Một tiêu đề khác");

        given().contentType(ContentType.JSON).body(changed).post("/api/plans")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thidua.vn/problems/plan-conflict"))
                .body("planId", equalTo(id))
                .body("differences.field", hasItem("title"))
                .body("differences[0].registered", equalTo("Kế hoạch thi đua chuyên đề chuyển đổi số"))
                .body("detail", containsString("title"));
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void a_plan_reads_back_by_id_with_its_vietnamese_text_unchanged() {
        String id = given().contentType(ContentType.JSON).body(plan("203/KH-UBND")).post("/api/plans")
                .then().statusCode(201).header("Location", containsString("/api/plans/")).extract().path("planId");
        given().get("/api/plans/" + id).then().statusCode(200)
                .body("title", equalTo("Kế hoạch thi đua chuyên đề chuyển đổi số"))
                .body("issuer", equalTo("UBND tỉnh Thái Nguyên"))
                // one shape per concept: the period answers as it was sent
                .body("period.from", equalTo("2023-03-01")).body("period.to", equalTo("2023-12-31"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("periodFrom")));
    }

    private long storedEvents(String aggregateId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
