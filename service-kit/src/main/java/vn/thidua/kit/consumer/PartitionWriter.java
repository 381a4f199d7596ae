package vn.thidua.kit.consumer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Writes partitions' parts of a batch in one transaction: the events not applied before go to the
 * handler (each partition's in its log order), their ids (unless the handler's own keys make its
 * writes idempotent: {@link KeyedBatchHandler}), the rejected records and each partition's next
 * offset are recorded with them.
 */
final class PartitionWriter {
    private static final Logger LOG = Logger.getLogger(PartitionWriter.class);

    /** One partition's part of a batch: the decoder's results in log order, and the offset after them. */
    record Part(TopicPartition partition, List<Object> results, long nextOffset) {
    }

    private final String name;
    private final Transactions transactions;
    private final KeyedBatchHandler handler;
    /** Whether the ids of the events applied are recorded and checked ({@code applied_event}); not for a keyed handler. */
    private final boolean ledger;
    private final PositionStore positions;
    private final ConsumerMetrics metrics;
    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();

    PartitionWriter(String name, Transactions transactions, KeyedBatchHandler handler, boolean ledger, PositionStore positions,
                    ConsumerMetrics metrics) {
        this.name = name;
        this.ledger = ledger;
        this.metrics = metrics;
        this.transactions = transactions;
        this.handler = handler;
        this.positions = positions;
    }

    /** Writes {@code parts} (distinct partitions) in one transaction; returns the events it applied (not the redelivered ones). */
    List<Delivered> write(List<Part> parts) throws SQLException {
        List<Delivered> decoded = new ArrayList<>();
        List<Decoder.Rejected> rejected = new ArrayList<>();
        for (Part part : parts) {
            for (Object result : part.results()) {
                if (result instanceof Delivered d) {
                    decoded.add(d);
                } else {
                    Decoder.Rejected r = (Decoder.Rejected) result;
                    LOG.errorf("consumer %s: rejected %s-%d@%d: %s", name, r.topic(), r.partition(), r.offset(), r.reason());
                    rejected.add(r);
                }
            }
        }
        List<Delivered> toApply = transactions.inTransaction(c -> {
            Set<String> fresh = ledger ? positions.claim(c, decoded) : null;
            Set<String> seen = new HashSet<>();
            List<Delivered> once = new ArrayList<>(decoded.size());
            for (Delivered d : decoded) {
                String id = d.event().attributes().id();
                if ((fresh == null || fresh.contains(id)) && seen.add(id)) {
                    once.add(d);
                }
            }
            List<Delivered> out = once.isEmpty() ? List.of() : handler.applyNew(once, c);
            positions.reject(c, rejected);
            positions.save(c, parts);
            return out;
        });
        duplicates.addAndGet(decoded.size() - toApply.size());
        applied.addAndGet(toApply.size());
        metrics.applied.increment(toApply.size());
        // counted again if the partition is read again: rejected_event keeps one row per record
        metrics.parked.increment(rejected.size());
        return toApply;
    }
}
