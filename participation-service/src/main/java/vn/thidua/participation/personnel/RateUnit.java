package vn.thidua.participation.personnel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.Rating;

/** Rate a unit for a year. */
public record RateUnit(@TargetAggregateIdentifier String fileId, String unitCode, int year, Rating rating) {
}
