package vn.thidua.titles.input;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member under consideration for discipline (đang bị xem xét kỷ luật) from {@code openedOn}
 * until {@code closedOn}, the first day it no longer is (null: still pending).
 */
public record DisciplineProceeding(LocalDate openedOn, LocalDate closedOn) {

    public DisciplineProceeding {
        Objects.requireNonNull(openedOn, "openedOn");
        if (closedOn != null && closedOn.isBefore(openedOn)) {
            throw new IllegalArgumentException("a proceeding cannot close (" + closedOn + ") before it opens (" + openedOn + ")");
        }
    }

    /** Whether it was pending on {@code day}. */
    public boolean pendingOn(LocalDate day) {
        return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }
}
