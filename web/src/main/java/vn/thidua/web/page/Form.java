package vn.thidua.web.page;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A submitted form: its values by input name (as typed, for showing the form again) and helpers to read them. */
public final class Form {
    private final MultivaluedMap<String, String> values;

    public Form(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    /** The first value, stripped; null when empty or absent. */
    public String get(String name) {
        String v = values == null ? null : values.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Every non-empty value (ticked boxes). */
    public List<String> all(String name) {
        List<String> list = values == null ? null : values.get(name);
        return list == null ? List.of() : list.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    public boolean ticked(String name) {
        return "on".equals(get(name)) || "true".equals(get(name));
    }

    /** The first values as a map, for the template to put back in the inputs. */
    public Map<String, String> echo() {
        Map<String, String> out = new HashMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        return out;
    }

    /** A fresh idempotency key for a form shown for the first time: sending it twice records once. */
    public static String freshKey() {
        return "web-" + UUID.randomUUID();
    }
}
