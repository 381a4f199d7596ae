package vn.thidua.titles.input;

import java.time.LocalDate;
import java.util.Objects;
import vn.thidua.contract.events.DisciplineLevel;

/**
 * A discipline decided against a member, in force from {@code from} to {@code to}, both inclusive
 * ({@code to} null: still in force).
 */
public record Discipline(DisciplineLevel level, LocalDate from, LocalDate to) {

    public Discipline {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a discipline cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Whether it was in force on at least one day of {@code year}. */
    public boolean inForceIn(int year) {
        return from.getYear() <= year && (to == null || to.getYear() >= year);
    }
}
