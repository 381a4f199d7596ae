package vn.thidua.contract.envelope;

import java.time.Instant;

/**
 * The CloudEvents context attributes of a published event, as {@code ce_*} Kafka headers.
 *
 * @param id                unique event id ({@code ce_id}); a re-sent event keeps it
 * @param source            the writing service, e.g. {@code /thidua/campaign-service} ({@code ce_source})
 * @param type              e.g. {@code vn.thidua.campaign.CampaignLaunched.v1} ({@code ce_type})
 * @param time              when the event happened in its aggregate ({@code ce_time})
 * @param subject           what the event is about: the record key ({@code ce_subject})
 * @param aggregateId       the aggregate that emitted it (extension {@code ce_aggregateid})
 * @param aggregateSequence its sequence number in that aggregate, from 0 (extension {@code ce_aggregatesequence})
 * @param previousHash      hash of the event published before it to the same topic partition, or
 *                          {@link vn.thidua.contract.chain.HashChain#GENESIS} (extension {@code ce_previoushash})
 * @param hash              SHA-256 over previousHash and this event's canonical JSON (extension {@code ce_eventhash})
 */
public record EventAttributes(
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String aggregateId,
        long aggregateSequence,
        String previousHash,
        String hash) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String EXT_AGGREGATE_ID = "aggregateid";
    public static final String EXT_AGGREGATE_SEQUENCE = "aggregatesequence";
    public static final String EXT_PREVIOUS_HASH = "previoushash";
    public static final String EXT_HASH = "eventhash";

    /** These attributes chained after {@code previous}, with their hash computed over {@code data}. */
    public EventAttributes chainedAfter(String previous, byte[] data) {
        EventAttributes linked = new EventAttributes(id, source, type, time, subject, aggregateId,
                aggregateSequence, previous, null);
        return linked.withHash(vn.thidua.contract.chain.HashChain.hash(linked, data));
    }

    public EventAttributes withHash(String newHash) {
        return new EventAttributes(id, source, type, time, subject, aggregateId, aggregateSequence,
                previousHash, newHash);
    }
}
