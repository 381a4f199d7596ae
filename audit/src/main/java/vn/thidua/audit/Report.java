package vn.thidua.audit;

import java.time.Instant;
import java.util.List;

/**
 * What an audit found: the log's integrity ({@code problems}: hash chains, aggregate sequences), the
 * events that break the contract ({@code contractViolations}: envelope, type, schema, topic or key;
 * each still checked in its chain, none scored) and, per year, the recomputed score table's digest
 * against the one it must equal; every title awarded on {@code thidua.award.v1} against the proposals
 * recomputed from the log and its ballot's threshold ({@code awards}; a title not eligible or not
 * passed is also a problem). {@code holds}: no integrity problem and every digest matches.
 */
public record Report(String bootstrap, String topicSuffix, Instant asOf, long eventsRead, long duplicateDeliveries,
                     List<Problem> problems, List<Problem> contractViolations, List<Year> years, List<Award> awards, boolean holds) {

    /** The exit status: 0 everything holds, 1 the log does not hold, 3 it holds but events break the contract. */
    public int status() {
        return !holds ? 1 : contractViolations.isEmpty() ? 0 : 3;
    }

    /** One thing wrong with one event (or, for a sequence gap, with an aggregate). */
    public record Problem(String problem, String topic, int partition, long offset, String eventId, String aggregateId, long sequence,
                          String detail) {
        @Override
        public String toString() {
            String at = offset < 0 ? topic : topic + "-" + partition + "@" + offset;
            return problem + " at " + at + (eventId == null ? "" : " (event " + eventId + ")")
                    + (aggregateId == null ? "" : ", aggregate " + aggregateId + " #" + sequence) + ": " + detail;
        }
    }

    /**
     * One year: participation records read, counted, late (after the close's watermark) and refused
     * (read but not counted by the rules); the recomputed digest and what it is compared with; for a
     * closed year, who closed it (the close's {@code ce_actor}, covered by the hash chain) and when.
     */
    public record Year(int year, String status, String policyVersion, long recordsRead, long counted, long late, long refused,
                       int members, int units, String digest, String expectedDigest, String expectedFrom, Boolean matches,
                       String closedBy, Instant closedAt) {
    }

    /**
     * A title awarded by a year's decision, checked: {@code eligible} when the proposals recomputed
     * from the log (the same titles module, the rule set the decision names) propose it,
     * {@code passed} when its ballot reaches the rule set's threshold; {@code reason} the line that decided.
     */
    public record Award(int year, String subject, String subjectId, String title, boolean eligible, boolean passed, String reason) {
    }
}
