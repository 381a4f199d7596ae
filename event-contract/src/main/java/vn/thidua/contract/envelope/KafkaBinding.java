package vn.thidua.contract.envelope;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as {@code ce_*} headers,
 * the JSON data as the record value, the partition key as the record key.
 */
public final class KafkaBinding {

    private KafkaBinding() {
    }

    /** A record for {@code topic}; {@code partition} is explicit because the hash chain is per partition. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, int partition, EventAttributes attributes, byte[] data) {
        if (attributes.hash() == null || attributes.previousHash() == null) {
            throw new IllegalArgumentException("event " + attributes.id() + " is not chained");
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(attributes.id())
                .withSource(URI.create(attributes.source()))
                .withType(attributes.type())
                .withTime(OffsetDateTime.ofInstant(attributes.time(), ZoneOffset.UTC))
                .withSubject(attributes.subject())
                .withDataContentType(EventAttributes.DATA_CONTENT_TYPE)
                .withExtension(EventAttributes.EXT_AGGREGATE_ID, attributes.aggregateId())
                .withExtension(EventAttributes.EXT_AGGREGATE_SEQUENCE, Long.toString(attributes.aggregateSequence()))
                .withExtension(EventAttributes.EXT_PREVIOUS_HASH, attributes.previousHash())
                .withExtension(EventAttributes.EXT_HASH, attributes.hash())
                .withData(data)
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, partition, attributes.subject()).writeBinary(event);
    }

    /**
     * Reads a record strictly: it must be a binary-mode CloudEvent of a known thidua type with every
     * thidua extension, and its data must match the type's schema.
     */
    public static PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        return fromRecord(record, true);
    }

    /** As {@link #fromRecord(ConsumerRecord)}; with {@code decode=false} the data is not decoded (event is null). */
    public static PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record, boolean decode) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        CloudEvent event;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(record);
            if (reader.getEncoding() != Encoding.BINARY) {
                throw new InvalidEventException(where + ": not a binary-mode CloudEvent");
            }
            event = reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new InvalidEventException(where + ": not a CloudEvent: " + e.getMessage(), e);
        }
        if (!EventAttributes.DATA_CONTENT_TYPE.equals(event.getDataContentType())) {
            throw new InvalidEventException(where + ": content type must be application/json, was " + event.getDataContentType());
        }
        if (event.getTime() == null || event.getSubject() == null) {
            throw new InvalidEventException(where + ": ce_time and ce_subject are required");
        }
        EventType type;
        try {
            type = EventType.ofCeType(event.getType());
        } catch (InvalidEventException e) {
            throw new InvalidEventException(where + ": " + e.getMessage(), e);
        }
        long sequence;
        try {
            sequence = Long.parseLong(extension(event, EventAttributes.EXT_AGGREGATE_SEQUENCE, where));
        } catch (NumberFormatException e) {
            throw new InvalidEventException(where + ": ce_aggregatesequence is not a number", e);
        }
        EventAttributes attributes = new EventAttributes(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                event.getTime().toInstant(),
                event.getSubject(),
                extension(event, EventAttributes.EXT_AGGREGATE_ID, where),
                sequence,
                extension(event, EventAttributes.EXT_PREVIOUS_HASH, where),
                extension(event, EventAttributes.EXT_HASH, where));
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        if (!decode) {
            return new PublishedEvent(attributes, data, null);
        }
        try {
            return new PublishedEvent(attributes, data, EventCodec.instance().decode(type, data));
        } catch (InvalidEventException e) {
            throw new InvalidEventException(where + " (" + attributes.id() + "): " + e.getMessage(), e);
        }
    }

    private static String extension(CloudEvent event, String name, String where) {
        Object value = event.getExtension(name);
        if (value == null) {
            throw new InvalidEventException(where + ": missing extension ce_" + name);
        }
        return value.toString();
    }
}
