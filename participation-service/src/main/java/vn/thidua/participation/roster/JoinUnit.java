package vn.thidua.participation.roster;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a member on a unit's roster from {@code joinedOn} (inclusive). */
public record JoinUnit(@TargetAggregateIdentifier String rosterId, String unitCode, String memberId, String fullName, String position,
                       LocalDate joinedOn) {
}
