package vn.thidua.evaluation.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;

/** The end of each partition of some topics now: how far the log goes, to compare with how far we read. */
@ApplicationScoped
public class EndOffsets {
    private final KafkaSettings kafka;

    public EndOffsets(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    public List<PartitionOffset> of(List<String> topics) {
        try (Admin admin = KafkaClients.admin(kafka, 30_000)) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            List<PartitionOffset> out = new ArrayList<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.add(new PartitionOffset(tp.topic(), tp.partition(), info.offset())));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of the topics from Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
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
