package vn.thidua.campaign;

import static vn.thidua.testsupport.SignedIn.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and integrators read: health of the database and Kafka, the OpenAPI document, metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readiness_checks_the_database_and_kafka() {
        // the checks' details are for the officer and auditors; /q/health/ready itself answers the status only
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("postgresql", "kafka"));
    }

    @Test
    void the_openapi_document_describes_the_api() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/campaigns"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/plans"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/units/{code}"));
    }

    /** Request timers per route, as histograms (HttpServerHistograms): buckets from 1 ms to 30 s. */
    @Test
    void request_metrics_are_exposed_as_histograms_per_route() {
        given().get("/api/units").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\"")).extract().asString();
        java.util.List<String> buckets = metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains("uri=\"/api/units\"")).toList();
        org.assertj.core.api.Assertions.assertThat(buckets).hasSizeGreaterThan(20)
                .anyMatch(l -> l.contains("le=\"0.001\""))
                .anyMatch(l -> l.contains("le=\"30.0\""))
                .anyMatch(l -> l.contains("le=\"+Inf\"") && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1);
    }
}
