package vn.thidua.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.thidua.contract.envelope.TopicPartitions;

/** A plain Kafka consumer for tests: reads whole topics from the beginning, in offset order per partition. */
public final class TopicReader {
    private TopicReader() {
    }

    /**
     * Every record of {@code topics}, polling until {@code done} holds for what was read or
     * {@code timeout} passes; then returns what was read (the test asserts on it).
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrapServers, Collection<String> topics,
                                                                 Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        return readUntil(bootstrapServers, Map.of(), topics, done, timeout);
    }

    /** As {@link #readUntil(String, Collection, Predicate, Duration)}, signed in with {@code login} (e.g. a SASL/SCRAM user's settings). */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrapServers, Map<String, Object> login, Collection<String> topics,
                                                                 Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(login);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topics, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                if (done.test(all)) {
                    // read what is already there, so that extra (duplicate) records are seen too
                    consumer.poll(Duration.ofMillis(500)).forEach(all::add);
                    break;
                }
            }
        }
        return all;
    }
}
