package vn.thidua.evaluation.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.PartitionOffset;

/**
 * Record the decision (number, date, signer) awarding {@code awards}: each must be in {@code eligible}
 * (the keys of the titles proposed at the decision, {@link YearReview#key}) and its ballot must have
 * passed. {@code names} gives each subject's name for the event, by {@link YearReview#subjectKey}.
 */
public record DecideAwards(@TargetAggregateIdentifier String reviewId, int year, String ruleSetVersion, LocalDate reviewedOn,
                           List<PartitionOffset> watermark, AwardDecided.Decision decision, List<Requested> awards, Set<String> eligible,
                           Map<String, String> names, String decidedBy, Instant decidedAt) {

    /** A title the decision is to award. */
    public record Requested(AwardDecided.Subject subject, String subjectId, String title) {
    }
}
