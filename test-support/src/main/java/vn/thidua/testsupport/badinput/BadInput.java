package vn.thidua.testsupport.badinput;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bad request of the corpus and the status it must get: always a problem+json answer, never a
 * 2xx, never a 5xx.
 *
 * @param category what kind of bad input (trailing content, coercion, bad date, …), for the report
 * @param name     what exactly, e.g. {@code POST /api/plans issuedOn as epoch day}
 */
public record BadInput(String category, String name, String method, String target, Map<String, String> headers, byte[] body, int status) {

    /** A JSON request: Content-Type and Accept set to application/json. */
    public static BadInput json(String category, String name, String method, String target, byte[] body, int status) {
        return new BadInput(category, name, method, target, jsonHeaders(), body, status);
    }

    public static BadInput json(String category, String name, String method, String target, String body, int status) {
        return json(category, name, method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
    }

    /** The same request with other headers (null values remove a header). */
    public BadInput withHeaders(Map<String, String> changes) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        changes.forEach((k, v) -> {
            if (v == null) {
                h.remove(k);
            } else {
                h.put(k, v);
            }
        });
        return new BadInput(category, name, method, target, h, body, status);
    }

    static Map<String, String> jsonHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json");
        return h;
    }

    @Override
    public String toString() {
        return "[" + category + "] " + name;
    }
}
