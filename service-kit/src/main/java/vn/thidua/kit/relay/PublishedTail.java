package vn.thidua.kit.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import vn.thidua.contract.envelope.RawEvent;
import vn.thidua.contract.envelope.TopicPartitions;

/**
 * What is on Kafka after the relay's saved chain heads: the records of a batch whose Kafka transaction
 * committed but whose database transaction did not (read committed: a batch aborted on Kafka left
 * nothing to read). One {@code endOffsets} call for every partition of the relay's topics; only where a
 * partition holds more than its saved head is its tail read (assigned and sought, no consumer group).
 * Records of other sources or without a chain hash (foreign, poison) are passed over.
 */
final class PublishedTail {
    private static final Logger LOG = Logger.getLogger(PublishedTail.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** A partition's real head after its tail, and the ids of the relay's records in that tail (in log order). */
    record Tail(ChainHeads.Head head, List<String> ids) {
    }

    private final Consumer<String, byte[]> consumer;
    private final String source;
    private final List<String> topics;
    private List<TopicPartition> partitions;

    PublishedTail(Consumer<String, byte[]> consumer, String source, List<String> topics) {
        this.consumer = consumer;
        this.source = source;
        this.topics = topics;
    }

    /** The tails after {@code heads} (a partition with no head starts at genesis), for the partitions that have one. */
    synchronized Map<ChainHeads.Key, Tail> after(Map<ChainHeads.Key, ChainHeads.Head> heads) {
        List<TopicPartition> all = partitions();
        Map<TopicPartition, Long> ends = consumer.endOffsets(all);
        Map<TopicPartition, ChainHeads.Head> behind = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            ChainHeads.Head head = heads.getOrDefault(key(end.getKey()), ChainHeads.genesis());
            if (!head.offsetKnown() || end.getValue() > head.offset() + 1) {
                behind.put(end.getKey(), head);
            } else if (end.getValue() < head.offset() + 1) {
                LOG.warnf("%s ends at offset %d, before the relay's saved head at %d: the log lost records", end.getKey(), end.getValue(), head.offset());
            }
        }
        Map<ChainHeads.Key, Tail> tails = new HashMap<>();
        if (behind.isEmpty()) {
            return tails;
        }
        Map<TopicPartition, Reader> readers = new HashMap<>();
        behind.forEach((tp, head) -> {
            readers.put(tp, new Reader(head));
            if (head.offsetKnown()) {
                consumer.seek(tp, head.offset() + 1);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        });
        consumer.resume(behind.keySet());
        try {
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (behind.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the relay's topics to their end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(tp)) {
                        readers.get(tp).accept(record);
                    }
                }
            }
        } finally {
            consumer.pause(behind.keySet());
        }
        readers.forEach((tp, reader) -> {
            Tail tail = reader.tail(tp, ends.get(tp));
            if (tail != null) {
                tails.put(key(tp), tail);
            }
        });
        return tails;
    }

    /** Every partition of the relay's topics, assigned once and paused but while a tail is read (end offsets of unassigned partitions are logged as warnings). */
    private List<TopicPartition> partitions() {
        if (partitions == null) {
            List<TopicPartition> all = TopicPartitions.of(consumer, topics, READ_TIMEOUT);
            consumer.assign(all);
            consumer.pause(all);
            partitions = all;
        }
        return partitions;
    }

    private static ChainHeads.Key key(TopicPartition tp) {
        return new ChainHeads.Key(tp.topic(), tp.partition());
    }

    /** One partition's tail as it is read: when the saved head's offset is unknown, from the record with its hash on. */
    private final class Reader {
        private final ChainHeads.Head saved;
        private boolean headFound;
        private ChainHeads.Head head;
        private final List<String> ids = new ArrayList<>();

        Reader(ChainHeads.Head saved) {
            this.saved = saved;
            this.head = saved;
            this.headFound = saved.offsetKnown();
        }

        void accept(ConsumerRecord<String, byte[]> record) {
            RawEvent raw = RawEvent.of(record);
            String id = raw.attributes().get("id");
            if (!source.equals(raw.attributes().get("source")) || raw.eventHash() == null || id == null) {
                return;
            }
            if (!headFound) {
                if (raw.eventHash().equals(saved.hash())) {
                    headFound = true;
                    head = new ChainHeads.Head(saved.hash(), saved.count(), record.offset());
                }
                return;
            }
            ids.add(id);
            head = new ChainHeads.Head(raw.eventHash(), head.count() + 1, record.offset());
        }

        /** The tail, or null when the saved head stands as it is. */
        Tail tail(TopicPartition tp, long end) {
            if (!headFound) {
                // a head saved without its offset whose record is not in the partition: trust it, as the relay did before offsets
                LOG.warnf("%s: the relay's saved head %s is not on Kafka; taking it as the end (offset %d)", tp, saved.hash(), end - 1);
                return new Tail(new ChainHeads.Head(saved.hash(), saved.count(), end - 1), List.of());
            }
            if (head.equals(saved)) {
                return null;
            }
            if (!ids.isEmpty()) {
                LOG.infof("%s: %d events of this relay are on Kafka after its saved head (a batch that did not commit); they are not sent again",
                        tp, ids.size());
            }
            return new Tail(head, List.copyOf(ids));
        }
    }
}
