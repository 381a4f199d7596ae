package vn.thidua.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error (clients may switch on it),
 * {@code title} is the same for every instance of a type, {@code detail} says what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://thidua.vn/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extensions));
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
