package vn.thidua.kit.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.thidua.kit.input.InvalidInputException;
import vn.thidua.kit.json.RefusedValueException;

/**
 * The one place where errors become RFC 9457 problem+json (the HTTP layer below JAX-RS uses the
 * same {@link Problems}). Clients never see a stack trace or an internal name: an unexpected fault
 * is logged once with a reference that the answer carries.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response problem(int status, String code, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problems.of(status, code, title, detail, extensions))
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
    public Response input(InvalidInputException e) {
        return invalidValue(e.field(), e.reason());
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

    // every class named: Quarkus REST has its own mappers for some of them, and the closest class wins
    @ServerExceptionMapper({UnrecognizedPropertyException.class, RefusedValueException.class, InvalidFormatException.class,
            MismatchedInputException.class, JsonMappingException.class, StreamConstraintsException.class, JsonParseException.class,
            JsonProcessingException.class, JacksonException.class})
    public Response jackson(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(400, "unknown-field", "The request has a field this API does not know",
                    "unknown field '" + field + "'; remove it (known fields: " + u.getKnownPropertyIds() + ")",
                    Map.of("errors", List.of(Map.of("field", field, "message", "unknown field"))));
        }
        if (e instanceof RefusedValueException r) {
            return invalidValue(path(r), r.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return invalidValue(path(f), "must be " + expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            String message = String.valueOf(m.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return malformed("the body has content after its JSON document; send exactly one JSON value");
            }
            if (message.startsWith("No content to map")) {
                return malformed("the body is empty; send a JSON object");
            }
            String field = path(m);
            if (field.isEmpty()) {
                return malformed("the body must be " + expected(m.getTargetType()));
            }
            return invalidValue(field, "must be " + expected(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m) {
            return invalidValue(path(m), "has a value of the wrong form");
        }
        if (e instanceof StreamConstraintsException) {
            return malformed("the body is nested too deeply or too large for a request of this API");
        }
        if (e instanceof JsonParseException p) {
            String where = p.getLocation() == null ? "" : " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
            return malformed(plainParseMessage(p.getOriginalMessage()) + where);
        }
        return malformed("the body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST wraps some body-reading failures (e.g. JSON cut short) in a plain 400
        if (e.getCause() instanceof JacksonException json) {
            return jackson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Problems.Standard standard = Problems.standard(status);
        Response answer = problem(status, standard.code(), standard.title(), standard.detail(), Map.of());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? answer : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return problem(500, "internal-error", "Something went wrong on our side",
                "the error was logged with reference " + reference + "; retrying is safe with the same Idempotency-Key",
                Map.of("reference", reference));
    }

    private static Response invalidValue(String field, String reason) {
        String detail = field == null || field.isEmpty() ? "the body " + reason : field + " " + reason;
        return problem(400, "invalid-value", "A field has a value of the wrong form", detail,
                Map.of("errors", List.of(Map.of("field", field == null ? "" : field, "message", reason))));
    }

    private static Response malformed(String detail) {
        return problem(400, "malformed-json", "The body is not valid JSON", detail, Map.of());
    }

    /** Jackson's parse messages, minus the parts that name its internals. */
    private static String plainParseMessage(String message) {
        if (message == null) {
            return "the body is not valid JSON";
        }
        if (message.startsWith("Duplicate field")) {
            return message.replace("Duplicate field", "the field") + " appears twice";
        }
        if (message.contains("end-of-input")) {
            return "the body ends before its JSON document does";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** What a client must send for a Java type, in plain words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the documented form";
        }
        if (type == String.class) {
            return "a text (a JSON string)";
        }
        if (type == LocalDate.class) {
            return "a date written \"yyyy-MM-dd\"";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list (a JSON array)";
        }
        return "an object";
    }

    private static String field(ConstraintViolation<?> v) {
        // "launch.request.title" → "title" (method, body parameter, field), "put.code" → "code" (method, parameter):
        // clients name fields by their JSON path or parameter name
        List<String> parts = Arrays.asList(v.getPropertyPath().toString().split("\\."));
        return String.join(".", parts.subList(parts.size() > 2 ? 2 : Math.min(1, parts.size() - 1), parts.size()));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
