package vn.thidua.kit.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.thidua.kit.problem.Problem;
import vn.thidua.kit.problem.Problems;

/**
 * Makes every service's OpenAPI tell the truth about errors (registered with {@code mp.openapi.filter}):
 * the {@code Problem} schema, the error answers every operation can give (400, 404, 406, 414, 500;
 * 413 and 415 where a body is read; 401 and 403 where a caller is required), and {@code application/problem+json} with that schema for every
 * error answer a resource declares itself (409, 422, and 401/403 of secured operations).
 */
public class ProblemResponses implements OASFilter {
    public static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    /** The statuses any operation can answer, whatever it does. */
    private static final List<Integer> EVERY_OPERATION = List.of(400, 404, 406, 414, 500);
    /** The statuses of an operation that reads a body. */
    private static final List<Integer> WITH_BODY = List.of(413, 415);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                complete(e.getValue(), secured(openAPI, e.getValue()));
            }
        }
    }

    /** Whether the operation needs a caller (its own security requirements, else the document's). */
    private static boolean secured(OpenAPI openAPI, Operation operation) {
        var security = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null && !security.isEmpty();
    }

    private static void complete(Operation operation, boolean secured) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        for (int status : EVERY_OPERATION) {
            addIfAbsent(responses, status);
        }
        if (secured) {
            addIfAbsent(responses, 401);
            addIfAbsent(responses, 403);
        }
        if (operation.getRequestBody() != null) {
            for (int status : WITH_BODY) {
                addIfAbsent(responses, status);
            }
        }
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        for (Map.Entry<String, APIResponse> e : sorted.entrySet()) {
            if (e.getKey().startsWith("4") || e.getKey().startsWith("5")) {
                APIResponse r = e.getValue();
                if (r.getDescription() == null || r.getDescription().isBlank()) {
                    r.setDescription(Problems.standard(Integer.parseInt(e.getKey())).title());
                }
                r.setContent(problemContent());
            }
        }
        responses.setAPIResponses(sorted);
    }

    private static void addIfAbsent(APIResponses responses, int status) {
        String code = Integer.toString(status);
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(describe(status)));
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "malformed-json, invalid-value, unknown-field, invalid-request or invalid-uri";
            case 404 -> "not-found (or the operation's own *-not-found)";
            case 401 -> "unauthorized: no valid token";
            case 403 -> "forbidden: the caller's roles do not allow this operation";
            case 406 -> "not-acceptable: the Accept header excludes application/json";
            case 413 -> "body-too-large: more than 1 MB";
            case 414 -> "uri-too-long: more than 2,048 characters";
            case 415 -> "unsupported-media-type: send Content-Type: application/json";
            case 500 -> "internal-error, with the reference it was logged under";
            default -> Problems.standard(status).title();
        };
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("the field, e.g. period.to"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem. `type` is " + Problem.TYPE_BASE + "<code>, stable per kind of error (the codes are "
                        + "listed in the README's API section and in each operation's error answers); `title` is the same for every "
                        + "instance of a type; `detail` says what to fix, in plain words.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .pattern("^" + Problem.TYPE_BASE.replace(".", "\\.") + "[a-z]+(-[a-z]+)*$")
                        .examples(List.of(Problem.TYPE_BASE + "year-closed")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("field errors (400 invalid-request, invalid-value, unknown-field)"))
                .addProperty("reference", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("500 only: what the error was logged under"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
