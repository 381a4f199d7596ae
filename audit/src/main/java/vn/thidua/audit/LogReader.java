package vn.thidua.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads whole topics from their first record to where they ended when the read began, in offset
 * order within each partition. No consumer group, no commits: it leaves no trace on the broker.
 */
public final class LogReader {
    /** How far a read has got. */
    public interface Progress {
        void update(long read, long total);
    }

    private final String bootstrap;
    private final Map<String, Object> login;
    private final Duration timeout;

    LogReader(String bootstrap, Map<String, Object> login, Duration timeout) {
        this.bootstrap = bootstrap;
        this.login = login;
        this.timeout = timeout;
    }

    /** Reads every record of {@code topics} that exists now; topics that do not exist are skipped. */
    long read(List<String> topics, Consumer<ConsumerRecord<String, byte[]>> each, Progress progress) {
        Properties config = new Properties();
        config.putAll(login);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : existing.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, timeout));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, timeout);
            long total = 0;
            for (TopicPartition tp : partitions) {
                total += ends.get(tp) - starts.get(tp);
            }
            consumer.seekToBeginning(partitions);
            ends.entrySet().removeIf(e -> e.getValue() <= starts.get(e.getKey()));
            long read = 0;
            long idleSince = System.nanoTime();
            while (!ends.isEmpty()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && System.nanoTime() - idleSince > timeout.toNanos()) {
                    throw new IllegalStateException("the broker stopped sending records before the end of " + ends.keySet());
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = ends.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    each.accept(r);
                    read++;
                    if (r.offset() + 1 >= end) {
                        ends.remove(tp);
                    }
                }
                ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                if (!records.isEmpty()) {
                    idleSince = System.nanoTime();
                    progress.update(read, total);
                }
            }
            progress.update(read, total);
            return read;
        }
    }
}
