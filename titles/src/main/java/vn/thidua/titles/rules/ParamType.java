package vn.thidua.titles.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;

/** The kinds of parameter a criterion takes, and how each is read from a rule-set file. */
public enum ParamType {
    /** A rating level by its code, e.g. {@code "GOOD"}. */
    RATING,
    /** A discipline form by its code, e.g. {@code "WARNING"}. */
    DISCIPLINE_LEVEL,
    /** A whole number, 0 or more. */
    COUNT,
    /** A share as a decimal fraction, above 0 and at most 1, e.g. {@code 0.70}. */
    SHARE;

    /** The value of {@code node}, or an {@link IllegalArgumentException} saying what is expected. */
    Object read(JsonNode node) {
        switch (this) {
            case RATING:
                return enumValue(node, Rating.class);
            case DISCIPLINE_LEVEL:
                return enumValue(node, DisciplineLevel.class);
            case COUNT:
                if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
                    throw new IllegalArgumentException("expected a whole number ≥ 0, got " + node);
                }
                return node.intValue();
            case SHARE:
                if (!node.isNumber() || node.decimalValue().signum() <= 0 || node.decimalValue().compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("expected a decimal fraction above 0 and at most 1 (e.g. 0.70), got " + node);
                }
                return node.decimalValue();
            default:
                throw new IllegalStateException("no reader for " + this);
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, Class<E> type) {
        E[] values = type.getEnumConstants();
        if (node.isTextual()) {
            for (E e : values) {
                if (e.name().equals(node.textValue())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.toString(values) + ", got " + node);
    }
}
