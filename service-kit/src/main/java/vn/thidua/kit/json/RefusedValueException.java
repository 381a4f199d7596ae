package vn.thidua.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the strict reader refuses, with the reason in plain words (never a Java type).
 * Jackson adds the field's path as it unwinds, so the problem can name it.
 */
public class RefusedValueException extends MismatchedInputException {
    public RefusedValueException(JsonParser parser, String reason) {
        super(parser, reason, (Class<?>) null);
    }
}
