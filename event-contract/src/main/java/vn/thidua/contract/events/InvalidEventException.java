package vn.thidua.contract.events;

/** An event that does not follow the contract: unknown type, broken envelope, data off its schema. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
