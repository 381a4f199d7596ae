package vn.thidua.contract.envelope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The partitions a reader of whole topics assigns itself: each topic's hash chains are per partition, so a reader takes them all. */
public final class TopicPartitions {

    private TopicPartitions() {
    }

    /** Every partition of {@code topics}, topic by topic in the broker's order, as {@code consumer} is told within {@code timeout}. */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, Collection<String> topics, Duration timeout) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
                all.add(new TopicPartition(topic, p.partition()));
            }
        }
        return all;
    }
}
