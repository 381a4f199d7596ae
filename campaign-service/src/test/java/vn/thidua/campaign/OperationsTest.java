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

    @Test
    void request_metrics_are_exposed() {
        given().get("/api/units").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count{method=\"GET\""));
    }
}
