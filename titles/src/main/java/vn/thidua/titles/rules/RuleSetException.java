package vn.thidua.titles.rules;

/** A rule-set or override file that cannot be used, with where and why (the file, the field, what is expected). */
public class RuleSetException extends RuntimeException {
    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
