package vn.thidua.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The role matrix as a table test: every endpoint is called by every kind of caller, and each answer
 * must have the documented status (401 problem+json without a valid token, 403 problem+json for a
 * role or unit that may not, the endpoint's own answer otherwise) and the hygiene headers.
 */
public final class RoleMatrix {

    /** Who calls. The unit head is the head of the unit the request is about; the other unit head is not. */
    public enum Caller {
        NO_TOKEN, GARBAGE_TOKEN, OTHER_ISSUER_KEY, FEED, OFFICER, UNIT_HEAD, OTHER_UNIT_HEAD, AUDITOR
    }

    /** Every signed-in role: what a read allows. */
    public static final Set<Caller> READERS = EnumSet.of(Caller.FEED, Caller.OFFICER, Caller.UNIT_HEAD, Caller.OTHER_UNIT_HEAD, Caller.AUDITOR);
    /** Only the officer. */
    public static final Set<Caller> OFFICER = EnumSet.of(Caller.OFFICER);
    /** The feed or the officer: plans. */
    public static final Set<Caller> FEED_OR_OFFICER = EnumSet.of(Caller.FEED, Caller.OFFICER);
    /** The head of the unit concerned, or the officer. */
    public static final Set<Caller> UNIT_HEAD_OR_OFFICER = EnumSet.of(Caller.UNIT_HEAD, Caller.OFFICER);

    /**
     * One row: a request (as a function of a prepared request with the caller's token), who may make
     * it, and the statuses an allowed caller gets.
     */
    public record Endpoint(String name, Function<RequestSpecification, Response> call, Set<Caller> allowed, Set<Integer> allowedStatuses) {
        public static Endpoint of(String name, Set<Caller> allowed, Set<Integer> allowedStatuses, Function<RequestSpecification, Response> call) {
            return new Endpoint(name, call, allowed, allowedStatuses);
        }
    }

    private final String unit;
    private final String otherUnit;

    /** @param unit the unit the requests are about; {@code otherUnit} another unit, whose head may not act for it */
    public RoleMatrix(String unit, String otherUnit) {
        this.unit = unit;
        this.otherUnit = otherUnit;
    }

    /** Calls every endpoint as every caller; answers every mismatch found, one line each (empty when all hold). */
    public List<String> mismatches(List<Endpoint> endpoints) {
        List<String> out = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                Response answer = endpoint.call().apply(request(caller));
                int status = answer.statusCode();
                String where = endpoint.name() + " as " + caller + ": ";
                if (endpoint.allowed().contains(caller)) {
                    if (!endpoint.allowedStatuses().contains(status)) {
                        out.add(where + "expected " + endpoint.allowedStatuses() + ", got " + status + " " + answer.asString());
                    }
                } else {
                    int expected = expectedRefusal(caller);
                    String type = expected == 401 ? Problems.NOT_SIGNED_IN : Problems.FORBIDDEN;
                    if (status != expected) {
                        out.add(where + "expected " + expected + ", got " + status + " " + answer.asString());
                    } else if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")
                            || !type.equals(answer.jsonPath().getString("type"))) {
                        out.add(where + "expected a problem+json of type " + type + ", got " + answer.contentType() + " " + answer.asString());
                    }
                }
                if (!"nosniff".equals(answer.header("X-Content-Type-Options")) || !"no-store".equals(answer.header("Cache-Control"))) {
                    out.add(where + "missing X-Content-Type-Options: nosniff or Cache-Control: no-store");
                }
            }
        }
        return out;
    }

    private static int expectedRefusal(Caller caller) {
        return switch (caller) {
            case NO_TOKEN, GARBAGE_TOKEN, OTHER_ISSUER_KEY -> 401;
            default -> 403;
        };
    }

    private RequestSpecification request(Caller caller) {
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON);
        String token = switch (caller) {
            case NO_TOKEN -> null;
            case GARBAGE_TOKEN -> "not.a-token";
            case OTHER_ISSUER_KEY -> TestTokens.signedByAnotherKey();
            case FEED -> TestTokens.feed();
            case OFFICER -> TestTokens.officer();
            case UNIT_HEAD -> TestTokens.unitHead(unit);
            case OTHER_UNIT_HEAD -> TestTokens.unitHead(otherUnit);
            case AUDITOR -> TestTokens.auditor();
        };
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** The problem types of the two refusals. */
    public static final class Problems {
        public static final String NOT_SIGNED_IN = "https://thidua.vn/problems/not-signed-in";
        public static final String FORBIDDEN = "https://thidua.vn/problems/forbidden";

        private Problems() {
        }
    }
}
