package vn.thidua.participation.roster;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a member off a unit's roster: {@code leftOn} is the first day off it. */
public record LeaveUnit(@TargetAggregateIdentifier String rosterId, String unitCode, String memberId, LocalDate leftOn) {
}
