package vn.thidua.contract.chain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.envelope.EventAttributes;

/**
 * Checks a log event by event, in offset order within each topic partition: every partition's hash
 * chain, and every aggregate's sequence (0, 1, 2, … with no gap and no two events at one place).
 * A re-sent event (same id, same hash) is a duplicate delivery, not tampering: it is reported as
 * {@link Verdict#DUPLICATE} and must be counted once. Not thread-safe.
 */
public final class ChainVerifier {

    /** What the verifier made of one event. */
    public enum Verdict {
        /** In its place in the chain: count it. */
        ACCEPTED,
        /** The same event delivered again: skip it. */
        DUPLICATE,
        /** Breaks the chain or the aggregate's sequence: see {@link #findings()}. */
        REJECTED
    }

    /** What is wrong with an event. */
    public enum Problem {
        /** Its own hash does not match its content: the event was altered. */
        ALTERED,
        /** Its previous hash is not the hash of the event before it: something was removed, reordered or forged before it. */
        BROKEN_LINK,
        /** An event with the same id but other content was read before. */
        CONFLICTING_DUPLICATE,
        /** Another event already holds this aggregate sequence number. */
        SEQUENCE_TAKEN,
        /** The aggregate's sequence has a hole (found at the end). */
        SEQUENCE_GAP
    }

    /** Where and what: the first bad event of a kind names topic, partition, offset, aggregate and sequence. */
    public record Finding(String topic, int partition, long offset, String eventId, String aggregateId,
                          long sequence, Problem problem, String detail) {
        @Override
        public String toString() {
            String at = offset < 0 ? topic : topic + "-" + partition + "@" + offset;
            return problem + " at " + at + " (event " + eventId + ", aggregate " + aggregateId + " #" + sequence + "): " + detail;
        }
    }

    private record PartitionKey(String topic, int partition) {
    }

    private final Map<PartitionKey, String> heads = new HashMap<>();
    private final Map<String, String> hashById = new HashMap<>();
    private final Map<String, BitSet> sequences = new HashMap<>();
    private final Map<String, String> aggregateTopic = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private long accepted;
    private long duplicates;

    /**
     * What the chain checks of an event: its id, aggregate and sequence, and its two hashes, as read
     * (any may be null, the sequence -1, when the record lacks or garbles them).
     */
    public record Link(String id, String aggregateId, long sequence, String previousHash, String hash) {
        public static Link of(EventAttributes a) {
            return new Link(a.id(), a.aggregateId(), a.aggregateSequence(), a.previousHash(), a.hash());
        }

        /** From a record's attribute strings, however malformed ({@link vn.thidua.contract.envelope.RawEvent}). */
        public static Link of(Map<String, String> attributes, String hash) {
            long sequence;
            try {
                sequence = Long.parseLong(attributes.getOrDefault(EventAttributes.EXT_AGGREGATE_SEQUENCE, "-1"));
            } catch (NumberFormatException e) {
                sequence = -1;
            }
            return new Link(attributes.get("id"), attributes.get(EventAttributes.EXT_AGGREGATE_ID), sequence,
                    attributes.get(EventAttributes.EXT_PREVIOUS_HASH), hash);
        }
    }

    /** Feeds the next event of {@code topic}-{@code partition} at {@code offset}. */
    public Verdict accept(String topic, int partition, long offset, EventAttributes a, byte[] data) {
        return acceptHashed(topic, partition, offset, Link.of(a), HashChain.hash(a, data));
    }

    /**
     * As {@link #accept}, with the hash of the event's content already computed ({@link HashChain#hash}),
     * e.g. by other threads: hashing is the costly part, and it needs nothing but the event itself.
     * {@code actual} is null when the content cannot be hashed (its value is not JSON).
     */
    public Verdict acceptHashed(String topic, int partition, long offset, Link a, String actual) {
        String known = a.id() == null ? null : hashById.get(a.id());
        if (known != null) {
            if (known.equals(a.hash()) && a.hash().equals(actual)) {
                duplicates++;
                return Verdict.DUPLICATE;
            }
            return reject(topic, partition, offset, a, Problem.CONFLICTING_DUPLICATE,
                    "event id was already read with hash " + known + ", now with other content");
        }
        PartitionKey key = new PartitionKey(topic, partition);
        String head = heads.getOrDefault(key, HashChain.GENESIS);
        // Follow every event, good or bad, so that one break is reported once, not for every later event.
        heads.put(key, a.hash() == null ? "" : a.hash());
        if (a.id() != null && a.hash() != null) {
            hashById.put(a.id(), a.hash());
        }
        boolean sequenceFree = true;
        if (a.aggregateId() != null) {
            BitSet seen = sequences.computeIfAbsent(a.aggregateId(), k -> new BitSet());
            aggregateTopic.putIfAbsent(a.aggregateId(), topic);
            sequenceFree = a.sequence() >= 0 && a.sequence() <= Integer.MAX_VALUE && !seen.get((int) a.sequence());
            if (sequenceFree) {
                seen.set((int) a.sequence());
            }
        }
        if (actual == null || !actual.equals(a.hash())) {
            return reject(topic, partition, offset, a, Problem.ALTERED, actual == null
                    ? "its value is not JSON, so its content has no hash; the event says " + a.hash()
                    : "content hashes to " + actual + " but the event says " + a.hash());
        }
        if (!head.equals(a.previousHash())) {
            return reject(topic, partition, offset, a, Problem.BROKEN_LINK,
                    "previous hash " + a.previousHash() + " but the event before it in the partition has " + head);
        }
        if (!sequenceFree) {
            return reject(topic, partition, offset, a, Problem.SEQUENCE_TAKEN,
                    "aggregate sequence " + a.sequence() + " is already taken by another event");
        }
        accepted++;
        return Verdict.ACCEPTED;
    }

    /**
     * Ends the check: adds a {@link Problem#SEQUENCE_GAP} finding for every aggregate whose
     * sequence has a hole. Call once, after the last event.
     */
    public List<Finding> finish() {
        sequences.forEach((aggregate, seen) -> {
            int firstMissing = seen.nextClearBit(0);
            if (firstMissing < seen.length()) {
                findings.add(new Finding(aggregateTopic.get(aggregate), -1, -1, null, aggregate, firstMissing,
                        Problem.SEQUENCE_GAP, "sequence " + firstMissing + " is missing; the aggregate goes on to "
                        + (seen.length() - 1)));
            }
        });
        return findings();
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public long accepted() {
        return accepted;
    }

    public long duplicates() {
        return duplicates;
    }


    private Verdict reject(String topic, int partition, long offset, Link a, Problem problem, String detail) {
        findings.add(new Finding(topic, partition, offset, a.id(), a.aggregateId(), a.sequence(), problem, detail));
        return Verdict.REJECTED;
    }
}
