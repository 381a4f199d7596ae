package vn.thidua.contract.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;
import vn.thidua.contract.events.ThiduaEvent;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as {@code ce_*} headers
 * ({@code datacontenttype} as {@code content-type}), the JSON data as the record value, the subject
 * as the record key. Headers are written from {@link EventAttributes#hashed()} and read back as the
 * exact strings received ({@link RawEvent}), so that the hash is always over what is on the wire.
 */
public final class KafkaBinding {

    /** Every attribute a thidua event carries, each exactly once, and no other. */
    private static final Set<String> ATTRIBUTES = Set.of("specversion", "id", "source", "type", "time", "subject", "datacontenttype",
            EventAttributes.EXT_ACTOR, EventAttributes.EXT_AGGREGATE_ID, EventAttributes.EXT_AGGREGATE_SEQUENCE,
            EventAttributes.EXT_PREVIOUS_HASH);
    private static final Pattern SEQUENCE = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ACTOR = Pattern.compile("(user|client|system):\\S.*");

    private KafkaBinding() {
    }

    /** A record for {@code topic}; {@code partition} is explicit because the hash chain is per partition. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, int partition, EventAttributes attributes, byte[] data) {
        if (attributes.hash() == null || attributes.previousHash() == null) {
            throw new IllegalArgumentException("event " + attributes.id() + " is not chained");
        }
        RecordHeaders headers = new RecordHeaders();
        attributes.hashed().forEach((name, value) -> headers.add(headerName(name), value.getBytes(StandardCharsets.UTF_8)));
        headers.add(RawEvent.HEADER_PREFIX + EventAttributes.EXT_HASH, attributes.hash().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, partition, attributes.subject(), data, headers);
    }

    private static String headerName(String attribute) {
        return attribute.equals("datacontenttype") ? RawEvent.CONTENT_TYPE_HEADER : RawEvent.HEADER_PREFIX + attribute;
    }

    /**
     * Reads a record strictly: it must be a binary-mode CloudEvent of a known thidua type with every
     * thidua attribute, each once and well formed, and its data must match the type's schema.
     */
    public static PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        return fromRecord(record, true);
    }

    /** As {@link #fromRecord(ConsumerRecord)}; with {@code decode=false} the data is not decoded (event is null). */
    public static PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record, boolean decode) {
        return fromRaw(record, RawEvent.of(record), decode);
    }

    /** As {@link #fromRecord(ConsumerRecord, boolean)} for a record already read as {@link RawEvent}. */
    public static PublishedEvent fromRaw(ConsumerRecord<String, byte[]> record, RawEvent raw, boolean decode) {
        String where = where(record);
        Checked checked = checked(where, raw);
        if (!decode) {
            return new PublishedEvent(checked.attributes(), raw.data(), null);
        }
        return decoded(where, raw, checked, () -> EventCodec.instance().decode(checked.type(), raw.data()));
    }

    /**
     * As {@link #fromRaw(ConsumerRecord, RawEvent, boolean)} decoding the record's value already parsed
     * ({@link EventCodec#parse} of {@code raw.data()}): a reader that also hashes the record parses it once.
     */
    public static PublishedEvent fromRaw(ConsumerRecord<String, byte[]> record, RawEvent raw, JsonNode parsedData) {
        String where = where(record);
        Checked checked = checked(where, raw);
        return decoded(where, raw, checked, () -> EventCodec.instance().decode(checked.type(), parsedData));
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static PublishedEvent decoded(String where, RawEvent raw, Checked checked, Supplier<ThiduaEvent> decode) {
        try {
            return new PublishedEvent(checked.attributes(), raw.data(), decode.get());
        } catch (InvalidEventException e) {
            throw new InvalidEventException(where + " (" + checked.attributes().id() + "): " + e.getMessage(), e);
        }
    }

    /** A record's attributes as the binding's rules accept them, and its event type. */
    private record Checked(EventAttributes attributes, EventType type) {
    }

    /** The binding's rules over the headers; throws {@link InvalidEventException} naming {@code where} on the first one broken. */
    private static Checked checked(String where, RawEvent raw) {
        Map<String, String> a = raw.attributes();
        if (!a.containsKey("specversion")) {
            throw new InvalidEventException(where + ": not a binary-mode CloudEvent (no ce_specversion header)");
        }
        if (!raw.violations().isEmpty()) {
            throw new InvalidEventException(where + ": " + String.join("; ", raw.violations()));
        }
        Set<String> missing = new TreeSet<>(ATTRIBUTES);
        missing.removeAll(a.keySet());
        if (raw.eventHash() == null) {
            missing.add(EventAttributes.EXT_HASH);
        }
        if (!missing.isEmpty()) {
            throw new InvalidEventException(where + ": missing " + String.join(", ", missing.stream().map(KafkaBinding::headerName).toList()));
        }
        Set<String> unknown = new TreeSet<>(a.keySet());
        unknown.removeAll(ATTRIBUTES);
        if (!unknown.isEmpty()) {
            throw new InvalidEventException(where + ": unknown attributes " + String.join(", ", unknown.stream().map(KafkaBinding::headerName).toList()));
        }
        require(EventAttributes.SPEC_VERSION.equals(a.get("specversion")), where, "ce_specversion must be 1.0, was " + a.get("specversion"));
        require(EventAttributes.DATA_CONTENT_TYPE.equals(a.get("datacontenttype")), where,
                "content type must be application/json, was " + a.get("datacontenttype"));
        for (String name : List.of("id", "subject", EventAttributes.EXT_AGGREGATE_ID)) {
            require(!a.get(name).isEmpty(), where, headerName(name) + " is empty");
        }
        require(isUriReference(a.get("source")), where, "ce_source is not a URI-reference: " + a.get("source"));
        require(isTime(a.get("time")), where, "ce_time is not an RFC 3339 timestamp: " + a.get("time"));
        require(ACTOR.matcher(a.get(EventAttributes.EXT_ACTOR)).matches(), where,
                "ce_actor must be user:…, client:… or system:…, was " + a.get(EventAttributes.EXT_ACTOR));
        require(SEQUENCE.matcher(a.get(EventAttributes.EXT_AGGREGATE_SEQUENCE)).matches(), where,
                "ce_aggregatesequence must be a non-negative integer in decimal digits, was " + a.get(EventAttributes.EXT_AGGREGATE_SEQUENCE));
        require(HASH.matcher(a.get(EventAttributes.EXT_PREVIOUS_HASH)).matches() && HASH.matcher(raw.eventHash()).matches(), where,
                "ce_previoushash and ce_eventhash must be 64 lowercase hex digits");
        EventType type;
        try {
            type = EventType.ofCeType(a.get("type"));
        } catch (InvalidEventException e) {
            throw new InvalidEventException(where + ": " + e.getMessage(), e);
        }
        EventAttributes attributes = new EventAttributes(a.get("id"), a.get("source"), a.get("type"), a.get("time"), a.get("subject"),
                a.get(EventAttributes.EXT_ACTOR), a.get(EventAttributes.EXT_AGGREGATE_ID),
                Long.parseLong(a.get(EventAttributes.EXT_AGGREGATE_SEQUENCE)), a.get(EventAttributes.EXT_PREVIOUS_HASH), raw.eventHash());
        return new Checked(attributes, type);
    }

    private static void require(boolean holds, String where, String otherwise) {
        if (!holds) {
            throw new InvalidEventException(where + ": " + otherwise);
        }
    }

    private static boolean isTime(String value) {
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return value.length() > 10 && value.charAt(10) == 'T';
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUriReference(String value) {
        try {
            new URI(value);
            return !value.isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
