package vn.thidua.evaluation.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.contract.envelope.TopicPartitions;

/**
 * The end of each partition of some topics now: how far the log goes, to compare with how far we read
 * (a consumer's stored position is the offset after the last record it applied). The writers publish
 * in Kafka transactions, so a partition's end offset also counts the transactions' commit markers
 * (and the aborted sends of a fenced relay, DECISIONS 50), which no reader ever gets as records: the
 * end here is the offset after the last record a reader of committed records gets, below the last
 * stable offset.
 */
@ApplicationScoped
public class EndOffsets {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings kafka;

    public EndOffsets(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    public List<PartitionOffset> of(List<String> topics) {
        try (KafkaConsumer<String, byte[]> reader = KafkaClients.reader(kafka, "evaluation-service-end-offsets")) {
            List<TopicPartition> partitions = TopicPartitions.of(reader, topics, TIMEOUT);
            Map<TopicPartition, Long> stable = reader.endOffsets(partitions, TIMEOUT);
            List<PartitionOffset> out = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                out.add(new PartitionOffset(tp.topic(), tp.partition(), afterLastRecord(reader, tp, stable.get(tp))));
            }
            return out;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the end of the topics from Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The offset after the last committed record below {@code end} (0 when there is none): read back from
     * {@code end} in a window that grows until a record is met (markers and aborted records are skipped by the reader).
     */
    static long afterLastRecord(Consumer<String, byte[]> reader, TopicPartition tp, long end) {
        reader.assign(List.of(tp));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (long window = 16; ; window *= 8) {
            long from = Math.max(0, end - window);
            reader.seek(tp, from);
            long last = -1;
            while (reader.position(tp) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + tp + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200)).records(tp)) {
                    if (r.offset() < end) {
                        last = r.offset();
                    }
                }
            }
            if (last >= 0) {
                return last + 1;
            }
            if (from == 0) {
                return 0;
            }
        }
    }

    /** How many records of {@code ends} lie beyond {@code reached}. */
    public static long behind(List<PartitionOffset> ends, List<PartitionOffset> reached) {
        Map<String, Long> at = new HashMap<>();
        reached.forEach(p -> at.put(p.topic() + "|" + p.partition(), p.offset()));
        long behind = 0;
        for (PartitionOffset end : ends) {
            behind += Math.max(0, end.offset() - at.getOrDefault(end.topic() + "|" + end.partition(), 0L));
        }
        return behind;
    }
}
