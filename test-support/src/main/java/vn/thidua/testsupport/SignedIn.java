package vn.thidua.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * REST Assured requests with a bearer token from {@link TestTokens}. Tests about what a feature does
 * (not about who may do it) call the API as the officer, who may do everything but what the feed does
 * alone (nothing yet): {@code import static vn.thidua.testsupport.SignedIn.given;}.
 */
public final class SignedIn {
    private SignedIn() {
    }

    /** A request as the officer. */
    public static RequestSpecification given() {
        return as(TestTokens.officer());
    }

    /** A request with this bearer token. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** The Authorization header's value for the officer, for tests that use another HTTP client. */
    public static String officerAuthorization() {
        return "Bearer " + TestTokens.officer();
    }
}
