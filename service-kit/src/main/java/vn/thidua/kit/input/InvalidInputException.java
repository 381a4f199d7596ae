package vn.thidua.kit.input;

/**
 * A value a client sent that the input rules refuse; answered as a 400 {@code invalid-value}
 * problem naming the field (or parameter) and the rule, never the Java type behind it.
 */
public class InvalidInputException extends RuntimeException {
    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field == null || field.isEmpty() ? reason : field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The JSON path or parameter name, e.g. {@code period.to}; may be empty for the whole body. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // a refusal is an answer, not a fault
        return this;
    }
}
