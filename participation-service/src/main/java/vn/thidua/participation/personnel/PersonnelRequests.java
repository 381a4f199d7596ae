package vn.thidua.participation.personnel;

import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.input.InvalidInputException;

/** What the review inputs' resources share: the messages of the path rules, what an Idempotency-Key covers, the year query. */
final class PersonnelRequests {
    static final String UNIT_MESSAGE = "must be a unit code such as TTR";
    static final String MEMBER_MESSAGE = "letters, digits, '.', '_' or '-'";

    private PersonnelRequests() {
    }

    /** What an Idempotency-Key covers: the path and the body. */
    record Keyed(String unitCode, String target, Object body) {
    }

    /** The {@code year} query parameter, required. */
    static int requiredYear(String value) {
        Integer year = InputRules.year("year", value);
        if (year == null) {
            throw new InvalidInputException("year", "is required: a year from " + InputRules.MIN_YEAR + " to " + InputRules.MAX_YEAR);
        }
        return year;
    }
}
