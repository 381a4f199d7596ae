package vn.thidua.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's OpenAPI document ({@code /q/openapi?format=json}) as a contract an answer is checked
 * against: the path and method are an operation, the status is one it declares, the content type is
 * one that status declares, and a JSON body validates against that content's schema. Loaded once per
 * service; loading fails when the document itself does not hold (an operation without answers, a
 * {@code $ref} that resolves to nothing).
 */
public final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OpenApiDocument> LOADED = new ConcurrentHashMap<>();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final ObjectNode components;
    private final List<PathTemplate> paths;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private record PathTemplate(String template, Pattern pattern, int literalLength) {
    }

    /** The document of the service at {@code base} (scheme, host and port), fetched the first time. */
    public static OpenApiDocument of(URI base) {
        String key = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        return LOADED.computeIfAbsent(key, k -> fetch(URI.create(k + "/q/openapi?format=json")));
    }

    private static OpenApiDocument fetch(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
            return parse(JSON.readTree(r.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The document, once it holds structurally; else an {@link AssertionError} listing what does not. */
    public static OpenApiDocument parse(JsonNode root) {
        List<String> faults = structuralFaults(root);
        if (!faults.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not hold:\n  " + String.join("\n  ", faults));
        }
        return new OpenApiDocument(root);
    }

    /** What is wrong with the document's structure: version, info, operations without answers, unresolved references. */
    public static List<String> structuralFaults(JsonNode root) {
        List<String> faults = new ArrayList<>();
        if (!root.path("openapi").asText().matches("3\\.[01]\\.\\d+")) {
            faults.add("openapi is not 3.0.x or 3.1.x: " + root.path("openapi"));
        }
        if (root.path("info").path("title").asText().isBlank() || root.path("info").path("version").asText().isBlank()) {
            faults.add("info needs a title and a version");
        }
        if (!root.path("paths").isObject() || root.path("paths").isEmpty()) {
            faults.add("no paths");
        }
        root.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                JsonNode responses = m.getValue().path("responses");
                if (!responses.isObject() || responses.isEmpty()) {
                    faults.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " declares no response");
                }
                responses.fields().forEachRemaining(r -> {
                    if (!r.getKey().matches("[1-5]\\d\\d|default") || r.getValue().path("description").isMissingNode()) {
                        faults.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " response " + r.getKey() + " is not a status with a description");
                    }
                });
            }
        }));
        refs(root, "#", root, faults);
        return faults;
    }

    /**
     * What keeps the document from being a contract: an error answer (4xx, 5xx) without
     * {@code application/problem+json} and the {@code Problem} schema, an answer body without a
     * named schema ({@code {}}), an operation that does not declare 400 and 500.
     */
    public List<String> contractFaults() {
        List<String> faults = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (!METHODS.contains(m.getKey())) {
                return;
            }
            String op = m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
            JsonNode responses = m.getValue().path("responses");
            for (String status : List.of("400", "500")) {
                if (responses.path(status).isMissingNode()) {
                    faults.add(op + " does not declare " + status);
                }
            }
            responses.fields().forEachRemaining(r -> {
                JsonNode content = r.getValue().path("content");
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    if (!content.path("application/problem+json").path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                        faults.add(op + " " + r.getKey() + " is not application/problem+json with the Problem schema");
                    }
                    return;
                }
                content.fields().forEachRemaining(c -> {
                    JsonNode schema = c.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        faults.add(op + " " + r.getKey() + " " + c.getKey() + " has no schema");
                    }
                });
            });
        }));
        return faults;
    }

    private static void refs(JsonNode node, String where, JsonNode root, List<String> faults) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.asText();
                if (!r.startsWith("#/") || root.at(r.substring(1)).isMissingNode()) {
                    faults.add(where + ": $ref " + r + " resolves to nothing");
                }
            }
            node.fields().forEachRemaining(e -> refs(e.getValue(), where + "/" + e.getKey(), root, faults));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), where + "/" + i, root, faults);
            }
        }
    }

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        this.components = JSON.createObjectNode();
        components.set("components", root.path("components").deepCopy());
        List<PathTemplate> list = new ArrayList<>();
        for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            String regex = java.util.Arrays.stream(t.split("/", -1))
                    .map(s -> s.startsWith("{") && s.endsWith("}") ? "[^/]+" : Pattern.quote(s))
                    .collect(Collectors.joining("/"));
            list.add(new PathTemplate(t, Pattern.compile(regex), t.replaceAll("\\{[^}]+}", "").length()));
        }
        list.sort(Comparator.comparingInt(PathTemplate::literalLength).reversed());
        this.paths = List.copyOf(list);
    }

    public JsonNode root() {
        return root;
    }

    /**
     * Why an answer breaks the document, or empty. An answer to a path the document does not have
     * may only be a 404, and to a method the path does not have a 405; paths under {@code /q/} are
     * Quarkus's own and not checked.
     */
    public Optional<String> violation(String method, String rawPath, int status, String contentType, byte[] body) {
        if (rawPath.startsWith("/q/")) {
            return Optional.empty();
        }
        Optional<PathTemplate> template = paths.stream().filter(p -> p.pattern().matcher(rawPath).matches()).findFirst();
        String what = method + " " + rawPath + " → " + status;
        if (template.isEmpty()) {
            return status == 404 ? Optional.empty() : Optional.of(what + ": the path is not in the OpenAPI document");
        }
        JsonNode operation = root.path("paths").path(template.get().template()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return status == 405 ? Optional.empty() : Optional.of(what + ": " + template.get().template() + " has no " + method + " operation");
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
        }
        String where = method + " " + template.get().template() + " " + status;
        if (response.isMissingNode()) {
            return Optional.of(what + ": status " + status + " is not declared for " + method + " " + template.get().template()
                    + " (declared: " + iterable(operation.path("responses").fieldNames()) + ")");
        }
        JsonNode content = response.path("content");
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        if (!content.isObject() || content.isEmpty()) {
            return Optional.of(where + ": the answer has a body but the document declares none");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content.path(mediaType);
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); media.isMissingNode() && it.hasNext(); ) {
            Map.Entry<String, JsonNode> declared = it.next();
            if (declared.getKey().split(";")[0].strip().equalsIgnoreCase(mediaType)) {
                media = declared.getValue();
            }
        }
        if (media.isMissingNode()) {
            return Optional.of(where + ": Content-Type " + contentType + " is not declared (declared: " + iterable(content.fieldNames()) + ")");
        }
        if (!mediaType.endsWith("json")) {
            return Optional.empty();
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode() || schema.isEmpty()) {
            return Optional.of(where + " " + mediaType + ": the document gives no schema for this answer");
        }
        JsonNode value;
        try {
            value = withoutNulls(JSON.readTree(body));
        } catch (java.io.IOException e) {
            return Optional.of(where + ": the body is not JSON");
        }
        String pointer = "/paths/" + escape(template.get().template()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
        JsonSchema validator = schemas.computeIfAbsent(pointer, p -> {
            ObjectNode node = components.deepCopy();
            schema.fields().forEachRemaining(e -> node.set(e.getKey(), e.getValue()));
            return factory.getSchema(node);
        });
        Set<ValidationMessage> errors = validator.validate(value);
        if (!errors.isEmpty()) {
            String body1 = new String(body, StandardCharsets.UTF_8);
            return Optional.of(where + " " + mediaType + ": the body does not match its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().limit(5).collect(Collectors.joining("; "))
                    + " (" + (body1.length() > 300 ? body1.substring(0, 300) + "…" : body1) + ")");
        }
        return Optional.empty();
    }

    /** A property that is null is taken as absent (OpenAPI's optional); a required one is then reported missing. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(withoutNulls(n)));
            return copy;
        }
        return node;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return String.join(", ", out);
    }
}
