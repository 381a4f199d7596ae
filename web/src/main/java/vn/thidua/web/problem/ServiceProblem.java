package vn.thidua.web.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's refusal as its RFC 9457 problem+json says it: status, stable type, title, the
 * {@code detail} that says what to fix, and for invalid input the fields named in {@code errors[]}.
 */
public record ServiceProblem(int status, String type, String title, String detail, List<FieldError> errors) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field the service names, with what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public ServiceProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A form's field refused by the web itself, before any service is asked: shown beside the field as a service's would be. */
    public static ServiceProblem fieldRefused(String field, String message) {
        return new ServiceProblem(400, "invalid-request", null, null, List.of(new FieldError(field, message)));
    }

    /** The last segment of the type, e.g. {@code year-closed} for {@code https://thidua.vn/problems/year-closed}. */
    public String code() {
        if (type == null || type.isBlank()) {
            return "";
        }
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** Reads a problem body; a body that is not problem JSON (a proxy's page, nothing) still gives a problem with the status. */
    public static ServiceProblem parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return new ServiceProblem(status, null, null, null, List.of());
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return new ServiceProblem(status, null, null, null, List.of());
            }
            List<FieldError> errors = new ArrayList<>();
            for (JsonNode e : root.path("errors")) {
                String field = e.path("field").asText("");
                if (!field.isEmpty()) {
                    errors.add(new FieldError(field, e.path("message").asText("")));
                }
            }
            return new ServiceProblem(root.path("status").asInt(status), text(root, "type"), text(root, "title"), text(root, "detail"), errors);
        } catch (java.io.IOException notJson) {
            return new ServiceProblem(status, null, null, null, List.of());
        }
    }

    private static String text(JsonNode root, String name) {
        JsonNode n = root.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }
}
