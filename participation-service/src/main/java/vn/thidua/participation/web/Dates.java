package vn.thidua.participation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import vn.thidua.kit.problem.DomainException;

/** Dates in query strings: ISO {@code yyyy-MM-dd}, or a 400 naming the parameter. */
public final class Dates {
    private Dates() {
    }

    public static LocalDate parse(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-value", "A field has a value of the wrong form",
                    parameter + "=" + value + " is not a date like 2023-06-11")
                    .with("errors", List.of(Map.of("field", parameter, "message", "expected yyyy-MM-dd")));
        }
    }
}
