package vn.thidua.testsupport.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Registered for every @QuarkusTest of a module that has test-support (a service loader entry):
 * before each test, RestAssured checks every answer against the service's OpenAPI document.
 */
public final class OpenApiConformanceCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(OpenApiConformanceFilter.class::isInstance)) {
            RestAssured.filters(new OpenApiConformanceFilter());
        }
    }
}
