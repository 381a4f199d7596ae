package vn.thidua.audit;

import java.time.Instant;
import java.util.List;

/**
 * What an audit found: the log's integrity (envelopes, hash chains, aggregate sequences) and, per
 * year, the recomputed score table's digest against the one it must equal.
 */
public record Report(String bootstrap, String topicSuffix, Instant asOf, long eventsRead, long duplicateDeliveries, long invalidEvents,
                     List<Problem> problems, List<Year> years, boolean holds) {

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
     * (read but not counted by the rules); the recomputed digest and what it is compared with.
     */
    public record Year(int year, String status, String policyVersion, long recordsRead, long counted, long late, long refused,
                       int members, int units, String digest, String expectedDigest, String expectedFrom, Boolean matches) {
    }
}
