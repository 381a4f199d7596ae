package vn.thidua.contract.envelope;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.thidua.contract.chain.HashChain;

/**
 * The CloudEvents context attributes of a published event, each as the exact string of its Kafka
 * header: what is written is what is hashed ({@link #hashed()}), and a reader hashes the strings it
 * received (chain rule v2, docs/AUDITING.md).
 *
 * @param id                unique event id ({@code ce_id}); a re-sent event keeps it
 * @param source            the writing service, e.g. {@code /thidua/campaign-service} ({@code ce_source})
 * @param type              e.g. {@code vn.thidua.campaign.CampaignLaunched.v1} ({@code ce_type})
 * @param time              when the event happened in its aggregate, RFC 3339 in UTC as {@link #TIME_FORMAT} writes it ({@code ce_time})
 * @param subject           what the event is about: the record key ({@code ce_subject})
 * @param actor             who caused it: {@code user:<preferred_username>}, {@code client:<client id>} or
 *                          {@code system:<service-name>} (extension {@code ce_actor})
 * @param aggregateId       the aggregate that emitted it (extension {@code ce_aggregateid})
 * @param aggregateSequence its sequence number in that aggregate, from 0, in decimal digits (extension {@code ce_aggregatesequence})
 * @param previousHash      hash of the event published before it to the same topic partition, or
 *                          {@link HashChain#GENESIS} (extension {@code ce_previoushash})
 * @param hash              SHA-256 over previousHash and this event's canonical JSON (extension {@code ce_eventhash})
 */
public record EventAttributes(
        String id,
        String source,
        String type,
        String time,
        String subject,
        String actor,
        String aggregateId,
        long aggregateSequence,
        String previousHash,
        String hash) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String EXT_ACTOR = "actor";
    public static final String EXT_AGGREGATE_ID = "aggregateid";
    public static final String EXT_AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String EXT_PREVIOUS_HASH = "previoushash";
    public static final String EXT_HASH = "eventhash";
    /** The one formatter of {@code ce_time}, for the header and so for the hash: ISO-8601 in UTC, fraction in groups of 3 digits, none when zero. */
    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ISO_INSTANT;

    /** The attributes of a new event, before it is chained. */
    public static EventAttributes unchained(String id, String source, String type, Instant time, String subject, String actor,
                                            String aggregateId, long aggregateSequence) {
        return new EventAttributes(id, source, type, TIME_FORMAT.format(time), subject, actor, aggregateId, aggregateSequence, null, null);
    }

    /** These attributes chained after {@code previous}, with their hash computed over {@code data}. */
    public EventAttributes chainedAfter(String previous, byte[] data) {
        EventAttributes linked = new EventAttributes(id, source, type, time, subject, actor, aggregateId,
                aggregateSequence, previous, null);
        return linked.withHash(HashChain.hash(linked.hashed(), data));
    }

    public EventAttributes withHash(String newHash) {
        return new EventAttributes(id, source, type, time, subject, actor, aggregateId, aggregateSequence,
                previousHash, newHash);
    }

    /**
     * Every attribute but the hash, by its CloudEvents name, as the string its header carries
     * ({@code datacontenttype} travels as {@code content-type}, the others as {@code ce_<name>}).
     */
    public Map<String, String> hashed() {
        Map<String, String> wire = new LinkedHashMap<>();
        wire.put("specversion", SPEC_VERSION);
        wire.put("id", id);
        wire.put("source", source);
        wire.put("type", type);
        wire.put("time", time);
        wire.put("subject", subject);
        wire.put("datacontenttype", DATA_CONTENT_TYPE);
        wire.put(EXT_ACTOR, actor);
        wire.put(EXT_AGGREGATE_ID, aggregateId);
        wire.put(EXT_AGGREGATE_SEQUENCE, Long.toString(aggregateSequence));
        wire.put(EXT_PREVIOUS_HASH, previousHash);
        return wire;
    }
}
