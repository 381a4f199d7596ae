package vn.thidua.contract.events;

import java.time.LocalDate;

/**
 * A span of local dates (Asia/Ho_Chi_Minh), both ends inclusive; {@code to} is null for an
 * open-ended period.
 */
public record Period(LocalDate from, LocalDate to) {

    /** Whether {@code day} falls inside the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
