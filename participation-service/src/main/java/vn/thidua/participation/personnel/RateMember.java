package vn.thidua.participation.personnel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.Rating;

/** Rate a member for a year, for the unit whose roster they were on. */
public record RateMember(@TargetAggregateIdentifier String fileId, String memberId, String unitCode, int year, Rating rating) {
}
