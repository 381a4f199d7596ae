package vn.thidua.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds every problem body, for JAX-RS ({@link ProblemMappers}) and for the HTTP layer below it
 * (404 of an unknown route, 413, 414, failures); keeps internal names out of every detail.
 */
public final class Problems {
    /** What must never reach a client: package and class names, Jackson's or the JDK's wording. */
    private static final Pattern INTERNAL = Pattern.compile(
            "vn\\.thidua|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|io\\.quarkus|io\\.vertx|org\\.[a-z]+\\.|Exception|`|\\[Source:");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The fixed answer for a status the HTTP layer gives. */
    public record Standard(String code, String title, String detail) {
    }

    private Problems() {
    }

    public static Problem of(int status, String code, String title, String detail, Map<String, Object> extensions) {
        return new Problem(Problem.TYPE_BASE + code, title, status, safe(detail, status), null, extensions);
    }

    /** The problem for a status with no more specific cause. */
    public static Standard standard(int status) {
        return switch (status) {
            case 400 -> new Standard("bad-request", "Bad request", "the request cannot be read; check it against the API description");
            case 404 -> new Standard("not-found", "Not found", "nothing is served at this path; see /q/openapi for the API");
            case 405 -> new Standard("method-not-allowed", "Method not allowed", "this path does not accept this HTTP method (see the Allow header)");
            case 406 -> new Standard("not-acceptable", "Not acceptable", "this API answers application/json (errors application/problem+json); accept one of them");
            case 413 -> new Standard("body-too-large", "Request body too large", "the body is larger than this API accepts");
            case 414 -> new Standard("uri-too-long", "URI too long", "the request's URI is longer than this API accepts");
            case 415 -> new Standard("unsupported-media-type", "Unsupported media type",
                    "send the body as JSON with the header Content-Type: application/json (UTF-8)");
            case 431 -> new Standard("headers-too-large", "Request headers too large", "the request's headers are larger than this API accepts");
            default -> status >= 500
                    ? new Standard("internal-error", "Something went wrong on our side", "the request failed on our side; retrying is safe with the same Idempotency-Key")
                    : new Standard("bad-request", "Request refused", "the request cannot be served as sent");
        };
    }

    /** A problem body as UTF-8 JSON bytes. */
    public static byte[] json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }

    private static String safe(String detail, int status) {
        if (detail == null || INTERNAL.matcher(detail).find()) {
            return standard(status).detail();
        }
        return detail;
    }
}
