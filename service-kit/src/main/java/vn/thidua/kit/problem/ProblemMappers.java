package vn.thidua.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become RFC 9457 problem+json. Clients never see a stack trace:
 * an unexpected fault is logged once with a reference that the answer carries.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response problem(int status, String code, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + code, title, status, detail, null, extensions))
                .build();
    }

    /** No token, or one that is not valid (garbage, expired, wrong issuer or signature): 401 with a Bearer challenge. */
    public static Problem notSignedIn() {
        return new Problem(Problem.TYPE_BASE + "not-signed-in", "Sign-in required", 401,
                "send a valid bearer token from the thidua realm (Authorization: Bearer …); it is missing, expired or not signed by the issuer",
                null, Map.of());
    }

    /** Signed in, but the role (or the unit) does not allow it: 403. */
    public static Problem forbidden(String detail) {
        return new Problem(Problem.TYPE_BASE + "forbidden", "Not allowed for this caller", 403,
                detail == null || detail.isBlank() ? "the token's roles do not allow this (see the role matrix in the README)" : detail,
                null, Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(notSignedIn()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(forbidden(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return problem(e.kind().status(), e.code(), e.title(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .collect(Collectors.toCollection(ArrayList::new));
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; "));
        return problem(400, "invalid-request", "The request is not valid", detail, Map.of("errors", errors));
    }

    @ServerExceptionMapper({UnrecognizedPropertyException.class})
    public Response unknownField(UnrecognizedPropertyException e) {
        return problem(400, "unknown-field", "The request has a field this API does not know",
                "unknown field '" + e.getPropertyName() + "'" + at(e) + "; remove it (known fields: " + e.getKnownPropertyIds() + ")",
                Map.of("errors", List.of(Map.of("field", path(e), "message", "unknown field"))));
    }

    @ServerExceptionMapper({InvalidFormatException.class})
    public Response badValue(InvalidFormatException e) {
        return problem(400, "invalid-value", "A field has a value of the wrong form",
                "'" + e.getValue() + "' is not a valid " + e.getTargetType().getSimpleName() + at(e),
                Map.of("errors", List.of(Map.of("field", path(e), "message", "expected " + e.getTargetType().getSimpleName()))));
    }

    @ServerExceptionMapper({MismatchedInputException.class})
    public Response mismatched(MismatchedInputException e) {
        return problem(400, "invalid-value", "A field has a value of the wrong form",
                e.getOriginalMessage() + at(e),
                Map.of("errors", List.of(Map.of("field", path(e), "message", "wrong type or missing value"))));
    }

    @ServerExceptionMapper({JsonParseException.class})
    public Response brokenJson(JsonParseException e) {
        return problem(400, "malformed-json", "The body is not valid JSON",
                e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), Map.of());
    }

    @ServerExceptionMapper({JsonMappingException.class})
    public Response mapping(JsonMappingException e) {
        return problem(400, "invalid-value", "A field has a value of the wrong form", e.getOriginalMessage() + at(e), Map.of());
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response json(JsonProcessingException e) {
        return problem(400, "malformed-json", "The body is not valid JSON", e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST wraps some body-reading failures (e.g. JSON cut short) in a plain 400
        if (e.getCause() instanceof JsonParseException parse) {
            return brokenJson(parse);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request refused" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        return problem(status, code, title, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return problem(500, "internal-error", "Something went wrong on our side",
                "the error was logged with reference " + reference + "; retrying is safe with the same Idempotency-Key",
                Map.of("reference", reference));
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "launch.arg0.title" → "title": clients name fields by their JSON path in the body
        String[] parts = path.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i < 2 && parts.length > 2) {
                continue;
            }
            out.append(out.isEmpty() ? "" : ".").append(parts[i]);
        }
        return out.isEmpty() ? path : out.toString();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String at(JsonMappingException e) {
        String p = path(e);
        return p.isEmpty() ? "" : " (field " + p + ")";
    }
}
