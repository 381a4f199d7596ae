package vn.thidua.evaluation.review;

import java.time.Instant;
import vn.thidua.contract.events.AwardDecided;

/**
 * The council's ballot on one title (internal to evaluation-service: published inside the year's
 * {@link AwardDecided}). A later ballot on the same title of the same subject replaces it until the decision.
 * {@code result} is the line people read, with the threshold's citation.
 */
public record BallotRecorded(int year, AwardDecided.Subject subject, String subjectId, String title, int councilMembers, int votesFor,
                             boolean passed, String result, String ruleSetVersion, String recordedBy, Instant recordedAt) {

    AwardDecided.Ballot ballot() {
        return new AwardDecided.Ballot(subject, subjectId, title, councilMembers, votesFor, passed);
    }
}
