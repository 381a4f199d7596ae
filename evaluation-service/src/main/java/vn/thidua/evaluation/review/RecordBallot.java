package vn.thidua.evaluation.review;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.Title;

/**
 * Record the council's ballot on one title of one member or unit of {@code year}: {@code proposed} is
 * whether the year's proposals under {@code rules} made the title eligible; the rule set's threshold
 * decides whether the ballot passed.
 */
public record RecordBallot(@TargetAggregateIdentifier String reviewId, int year, AwardDecided.Subject subject, String subjectId, Title title,
                           boolean proposed, int councilMembers, int votesFor, RuleSet rules, String recordedBy, Instant recordedAt) {
}
