package vn.thidua.campaign.campaign;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import vn.thidua.contract.events.Period;
import vn.thidua.kit.problem.DomainException;

/** A period in a request: {@code from} required, {@code to} optional, both inclusive. */
public record PeriodBody(@NotNull LocalDate from, LocalDate to) {

    /** The period, or a 400 naming {@code field} when it ends before it starts. */
    public Period toPeriod(String field) {
        if (to != null && to.isBefore(from)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-period", "The period ends before it starts",
                    field + ".to (" + to + ") is before " + field + ".from (" + from + ")")
                    .with("errors", java.util.List.of(java.util.Map.of("field", field + ".to", "message", "must not be before " + field + ".from")));
        }
        return new Period(from, to);
    }
}
