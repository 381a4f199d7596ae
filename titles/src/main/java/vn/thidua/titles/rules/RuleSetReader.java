package vn.thidua.titles.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads rule-set and province-override files strictly: an unknown field, criterion or parameter, a
 * missing one, a missing citation or a value of the wrong kind is a {@link RuleSetException} naming
 * the file and the field.
 */
final class RuleSetReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RuleSetReader() {
    }

    static RuleSet ruleSet(InputStream in, String source) {
        JsonNode root = parse(in, source);
        fields(root, source, "", Set.of("version", "name", "effectiveFrom", "criteria"), Set.of("version", "name", "effectiveFrom", "criteria"));
        String version = text(root, "version", source);
        String name = text(root, "name", source);
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(text(root, "effectiveFrom", source));
        } catch (DateTimeParseException e) {
            throw new RuleSetException(source + ": effectiveFrom: expected a date as yyyy-mm-dd, got " + root.get("effectiveFrom"));
        }
        Map<Criterion, Rule> rules = new EnumMap<>(Criterion.class);
        JsonNode criteria = object(root, "criteria", source);
        for (Iterator<Map.Entry<String, JsonNode>> it = criteria.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Criterion criterion = criterion(e.getKey(), source);
            String at = "criteria." + e.getKey();
            Set<String> required = criterion.params().isEmpty() ? Set.of("citation") : Set.of("params", "citation");
            fields(e.getValue(), source, at, Set.of("params", "citation"), required);
            Map<String, Object> params = params(criterion, e.getValue().get("params"), source, at, true);
            rules.put(criterion, new Rule(criterion, params, citation(e.getValue(), source, at)));
        }
        List<Criterion> missing = new ArrayList<>(Arrays.asList(Criterion.values()));
        missing.removeAll(rules.keySet());
        if (!missing.isEmpty()) {
            throw new RuleSetException(source + ": criteria: no rule for " + missing + " (a rule set states every criterion)");
        }
        return new RuleSet(version, name, effectiveFrom, rules, List.of());
    }

    static ProvinceOverrides overrides(InputStream in, String source) {
        JsonNode root = parse(in, source);
        fields(root, source, "", Set.of("id", "name", "criteria"), Set.of("id", "name", "criteria"));
        String id = text(root, "id", source);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new RuleSetException(source + ": id: expected lower-case letters, digits and '-', got \"" + id + "\"");
        }
        Map<Criterion, ProvinceOverrides.Change> changes = new EnumMap<>(Criterion.class);
        JsonNode criteria = object(root, "criteria", source);
        for (Iterator<Map.Entry<String, JsonNode>> it = criteria.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Criterion criterion = criterion(e.getKey(), source);
            String at = "criteria." + e.getKey();
            fields(e.getValue(), source, at, Set.of("params", "citation"), Set.of("citation"));
            Map<String, Object> params = params(criterion, e.getValue().get("params"), source, at, false);
            changes.put(criterion, new ProvinceOverrides.Change(params, citation(e.getValue(), source, at)));
        }
        return new ProvinceOverrides(id, text(root, "name", source), changes);
    }

    private static JsonNode parse(InputStream in, String source) {
        try (in) {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isObject()) {
                throw new RuleSetException(source + ": expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new RuleSetException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new RuleSetException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Criterion criterion(String code, String source) {
        for (Criterion c : Criterion.values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        throw new RuleSetException(source + ": criteria." + code + ": unknown criterion (known: " + Arrays.toString(Criterion.values()) + ")");
    }

    private static Map<String, Object> params(Criterion criterion, JsonNode node, String source, String at, boolean all) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (node == null) {
            return params;
        }
        if (!node.isObject()) {
            throw new RuleSetException(source + ": " + at + ".params: expected an object");
        }
        fields(node, source, at + ".params", criterion.params().keySet(), all ? criterion.params().keySet() : Set.of());
        criterion.params().forEach((name, type) -> {
            JsonNode value = node.get(name);
            if (value != null) {
                try {
                    params.put(name, type.read(value));
                } catch (IllegalArgumentException e) {
                    throw new RuleSetException(source + ": " + at + ".params." + name + ": " + e.getMessage());
                }
            }
        });
        return params;
    }

    private static Citation citation(JsonNode rule, String source, String at) {
        JsonNode node = rule.get("citation");
        if (!node.isObject()) {
            throw new RuleSetException(source + ": " + at + ".citation: expected {\"text\": …, \"confirmed\": true|false}");
        }
        fields(node, source, at + ".citation", Set.of("text", "confirmed"), Set.of("text", "confirmed"));
        JsonNode text = node.get("text");
        if (!text.isTextual() || text.textValue().isBlank()) {
            throw new RuleSetException(source + ": " + at + ".citation.text: expected the article the criterion comes from");
        }
        if (!node.get("confirmed").isBoolean()) {
            throw new RuleSetException(source + ": " + at + ".citation.confirmed: expected true or false");
        }
        return new Citation(text.textValue(), node.get("confirmed").booleanValue());
    }

    private static void fields(JsonNode node, String source, String at, Set<String> allowed, Set<String> required) {
        String where = at.isEmpty() ? "" : at + ": ";
        if (!node.isObject()) {
            throw new RuleSetException(source + ": " + where + "expected an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new RuleSetException(source + ": " + where + "unknown field \"" + field + "\" (allowed: " + new TreeSet<>(allowed) + ")");
            }
        }
        for (String field : new TreeSet<>(required)) {
            if (!node.has(field) || node.get(field).isNull()) {
                throw new RuleSetException(source + ": " + where + "missing \"" + field + "\"");
            }
        }
    }

    private static String text(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new RuleSetException(source + ": " + field + ": expected a non-empty string");
        }
        return node.textValue();
    }

    private static JsonNode object(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (!node.isObject()) {
            throw new RuleSetException(source + ": " + field + ": expected an object");
        }
        return node;
    }
}
