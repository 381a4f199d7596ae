package vn.thidua.kit.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the domain refuses, with what kind of refusal it is; mapped to problem+json in one place
 * ({@link ProblemMappers}). {@code code} becomes the problem {@code type}, e.g. {@code plan-conflict}.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal, and so which HTTP status. */
    public enum Kind {
        /** The request itself is malformed. */
        INVALID(400),
        /** Something named in the path or body does not exist. */
        NOT_FOUND(404),
        /** It conflicts with what exists (or is not known yet: retry later). */
        CONFLICT(409),
        /** Well-formed, but a business rule refuses it. */
        RULE_BROKEN(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public DomainException(Kind kind, String code, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
    }

    /** Adds a member to the problem body (e.g. the differing fields of a conflict). */
    public DomainException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // a refusal is an answer, not a fault: no stack trace to fill
        return this;
    }
}
