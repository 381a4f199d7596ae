package vn.thidua.local;

/** Something the user must fix, said in one line (no stack trace). */
final class StackException extends RuntimeException {
    StackException(String message) {
        super(message);
    }
}
