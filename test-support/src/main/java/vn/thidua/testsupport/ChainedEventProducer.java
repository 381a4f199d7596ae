package vn.thidua.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.ThiduaEvent;

/**
 * Publishes contract events as another service would (binary CloudEvents, hash chain per partition,
 * partition from the key), for tests of a service that consumes them. It must be the only writer of
 * the topics it writes to in the broker it is given, or the chains it keeps in memory go wrong.
 */
public final class ChainedEventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String source;
    private final String actor;
    private final Map<String, String> heads = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    public ChainedEventProducer(String bootstrapServers, String source) {
        this.producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", true),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        this.source = source;
        this.actor = "system:" + source.substring(source.lastIndexOf('/') + 1);
    }

    /** Publishes {@code event} as the next event of {@code aggregateId}; returns the record sent. */
    public ProducerRecord<String, byte[]> publish(String aggregateId, ThiduaEvent event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        return publish(UUID.randomUUID().toString(), aggregateId, sequence, event);
    }

    /** Publishes with an explicit id and sequence (to re-send, or to forge, in a test). */
    public ProducerRecord<String, byte[]> publish(String eventId, String aggregateId, long sequence, ThiduaEvent event) {
        EventType type = EventType.of(event);
        String topic = type.topic().address();
        int partitions = producer.partitionsFor(topic).size();
        int partition = Utils.toPositive(Utils.murmur2(event.partitionKey().getBytes(StandardCharsets.UTF_8))) % partitions;
        String chain = topic + "-" + partition;
        byte[] data = EventCodec.instance().encode(event);
        EventAttributes attributes = EventAttributes.unchained(eventId, source, type.ceType(), Instant.now(), event.partitionKey(),
                actor, aggregateId, sequence).chainedAfter(heads.getOrDefault(chain, HashChain.GENESIS), data);
        heads.put(chain, attributes.hash());
        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord(topic, partition, attributes, data);
        send(record);
        return record;
    }

    /** Sends a record as it is (e.g. the same record again: a duplicate delivery). */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
