package vn.thidua.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.RawEvent;
import vn.thidua.contract.events.Topic;

/**
 * Whether every record a phase created is on the participation topic exactly once, read as a
 * department system reads it (committed records only): each record's event names it in its
 * {@code ce_aggregateid}. The relay publishes after the answers, so the topic is read until every
 * record has been seen and its end reached, or until {@code within}.
 */
final class OnceOnKafka {
    private OnceOnKafka() {
    }

    static Map<String, Object> check(Run run, Set<String> recordIds, Duration within) {
        String header = RawEvent.HEADER_PREFIX + EventAttributes.EXT_AGGREGATE_ID;
        Map<String, Integer> seen = new HashMap<>(recordIds.size() * 2);
        long deadline = System.nanoTime() + within.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = run.readFromStart(List.of(Topic.PARTICIPATION.address()))) {
            List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header id = r.headers().lastHeader(header);
                    String recordId = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
                    if (recordId != null && recordIds.contains(recordId)) {
                        seen.merge(recordId, 1, Integer::sum);
                    }
                }
                boolean atEnd = true;
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                    atEnd &= consumer.position(end.getKey()) >= end.getValue();
                }
                if ((atEnd && seen.size() == recordIds.size()) || System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("records", recordIds.size());
        found.put("once", seen.values().stream().filter(n -> n == 1).count());
        found.put("missing", recordIds.size() - seen.size());
        found.put("moreThanOnce", seen.values().stream().filter(n -> n > 1).count());
        return found;
    }
}
