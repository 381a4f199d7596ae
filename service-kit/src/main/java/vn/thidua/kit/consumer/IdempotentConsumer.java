package vn.thidua.kit.consumer;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.InvalidEventException;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;

/**
 * Reads thidua topics into a read model, once per event whatever Kafka redelivers: per poll and
 * partition, one database transaction applies the events whose ids are not yet in
 * {@code applied_event}, records those ids and the partition's next offset; the Kafka offsets are
 * committed after those transactions. A crash between the two re-delivers the batch, and the ids
 * make it a no-op. An event that breaks the contract is kept in {@code rejected_event} with its
 * reason and skipped, never half-applied. A failing batch is rolled back (the partitions that
 * committed are read again as no-ops) and retried from its first record after a pause.
 */
public final class IdempotentConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /** Batches at least this large are decoded in parallel. */
    private static final int PARALLEL_DECODE_FROM = 64;

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final DataSource dataSource;
    private final TransactionManager jta;
    private final EventBatchHandler handler;
    private final Thread thread;
    /** Decodes large batches on every core (a pool of its own, whose threads see the application's classes). */
    private final ForkJoinPool decoders;
    /** Writes a batch's partitions in parallel, a transaction each. */
    private final java.util.concurrent.ExecutorService writers;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile java.util.function.Consumer<List<Delivered>> afterCommit = batch -> { };
    private volatile Runnable rewindRequest;
    private volatile java.util.concurrent.CompletableFuture<Void> rewound;
    private volatile boolean running = true;

    public IdempotentConsumer(String name, KafkaSettings kafka, Collection<String> topics, int maxPollRecords, DataSource dataSource,
                              TransactionManager jta, EventBatchHandler handler) {
        this.name = name;
        this.dataSource = dataSource;
        this.jta = jta;
        this.handler = handler;
        this.consumer = KafkaClients.consumer(kafka, name, name + "-" + ProcessHandle.current().pid(), maxPollRecords);
        this.consumer.subscribe(List.copyOf(topics));
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        this.decoders = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName(name + "-decoder-" + worker.getPoolIndex());
            worker.setDaemon(true);
            worker.setContextClassLoader(application);
            return worker;
        }, null, false);
        java.util.concurrent.atomic.AtomicInteger writerCount = new java.util.concurrent.atomic.AtomicInteger();
        this.writers = java.util.concurrent.Executors.newCachedThreadPool(task -> {
            Thread writer = new Thread(task, name + "-writer-" + writerCount.incrementAndGet());
            writer.setDaemon(true);
            writer.setContextClassLoader(application);
            return writer;
        });
    }

    /** Called on the consumer's thread after each batch's transaction committed, with the events it applied (not the redelivered ones). */
    public void onCommitted(java.util.function.Consumer<List<Delivered>> listener) {
        this.afterCommit = listener;
    }

    /**
     * Asks the consumer to start over: on its thread, {@code resetInTransaction} runs in a transaction
     * (it drops the read model and the applied ids), then every partition is read again from the beginning.
     */
    public synchronized java.util.concurrent.CompletableFuture<Void> rewindToStart(Runnable resetInTransaction) {
        this.rewound = new java.util.concurrent.CompletableFuture<>();
        this.rewindRequest = resetInTransaction;
        return rewound;
    }

    public void start() {
        thread.start();
        LOG.infof("consumer %s started", name);
    }

    /** A polled batch whose decoding has started on the decoders. */
    private record Batch(ConsumerRecords<String, byte[]> records, ForkJoinTask<Object[]> decoded) {
    }

    /**
     * Polls and writes batch after batch. While one batch is written to the database, the next one
     * is already polled and decoded (decoding is CPU, writing mostly waits on PostgreSQL): a
     * rebuild's throughput is then the slower of the two rather than their sum.
     */
    private void run() {
        Batch ahead = null;
        try {
            while (running) {
                Runnable rewind = rewindRequest;
                if (rewind != null) {
                    rewindRequest = null;
                    ahead = null; // read again from the beginning anyway
                    try {
                        rewindNow(rewind);
                        rewound.complete(null);
                    } catch (RuntimeException e) {
                        rewound.completeExceptionally(e);
                    }
                }
                Batch current = ahead != null ? ahead : pollAndDecode(Duration.ofMillis(250));
                ahead = null;
                if (current == null) {
                    continue;
                }
                // only what has already arrived: waiting here would delay the current batch
                ahead = pollAndDecode(Duration.ZERO);
                try {
                    apply(current.records(), current.decoded().join());
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (TopicPartition tp : current.records().partitions()) {
                        offsets.put(tp, new OffsetAndMetadata(next(current.records(), tp)));
                    }
                    // asynchronous: the database already holds what was applied; a commit lost in a crash only means a
                    // redelivery, which the applied ids turn into a no-op
                    consumer.commitAsync(offsets, (committed, failure) -> {
                        if (failure != null) {
                            LOG.warnf("consumer %s: offsets not committed (%s); a restart re-reads those events, applied once", name,
                                    failure.getMessage());
                        }
                    });
                } catch (RuntimeException | SQLException e) {
                    LOG.errorf(e, "consumer %s: a batch of %d failed and will be retried", name, current.records().count());
                    // the batch read ahead is dropped and read again after the failed one
                    if (ahead != null) {
                        rewind(ahead.records());
                        ahead = null;
                    }
                    rewind(current.records());
                    pause(Duration.ofSeconds(2));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Batch pollAndDecode(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        return records.isEmpty() ? null : new Batch(records, decoders.submit(() -> decode(records)));
    }

    private void rewindNow(Runnable resetInTransaction) {
        try {
            jta.begin();
            resetInTransaction.run();
            jta.commit();
        } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException("consumer " + name + ": rewind failed: " + e.getMessage(), e);
        }
        consumer.seekToBeginning(consumer.assignment());
        Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            zero.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        consumer.commitSync(zero);
        LOG.infof("consumer %s: read model reset, reading %d partitions again from the beginning", name, zero.size());
    }

    /**
     * Applies a decoded batch: each partition's part in a transaction of its own, the partitions in
     * parallel on the writers (one PostgreSQL connection each; a partition's order is kept, and
     * nothing a handler writes depends on another partition). Reports what was applied to the commit
     * listener; throws if any part failed, after reporting the parts that committed (read again, they
     * are no-ops).
     */
    private void apply(ConsumerRecords<String, byte[]> records, Object[] results) throws SQLException {
        // results are in the order decode read them: partition after partition
        List<java.util.concurrent.Future<List<Delivered>>> running = new ArrayList<>();
        int from = 0;
        for (TopicPartition tp : records.partitions()) {
            List<Object> part = Arrays.asList(results).subList(from, from + records.records(tp).size());
            from += part.size();
            running.add(writers.submit(() -> applyInTransaction(tp, part, next(records, tp))));
        }
        List<Delivered> appliedNow = new ArrayList<>(results.length);
        Exception failure = null;
        for (java.util.concurrent.Future<List<Delivered>> part : running) {
            try {
                appliedNow.addAll(part.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause
                            : new IllegalStateException("a partition's write failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            }
        }
        // also when a part failed: the parts that committed will be read again as no-ops, and never reported then
        afterCommit.accept(appliedNow);
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure != null) {
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private static long next(ConsumerRecords<String, byte[]> records, TopicPartition tp) {
        List<ConsumerRecord<String, byte[]>> inPartition = records.records(tp);
        return inPartition.get(inPartition.size() - 1).offset() + 1;
    }

    /** One partition's part of a batch, in one transaction; returns the events it applied (not the redelivered ones). */
    private List<Delivered> applyInTransaction(TopicPartition tp, List<Object> part, long nextOffset) throws SQLException {
        List<Delivered> decoded = new ArrayList<>(part.size());
        List<Object[]> rejected = new ArrayList<>();
        for (Object result : part) {
            if (result instanceof Delivered d) {
                decoded.add(d);
            } else {
                Rejected r = (Rejected) result;
                LOG.errorf("consumer %s: rejected %s-%d@%d: %s", name, r.topic(), r.partition(), r.offset(), r.reason());
                rejected.add(new Object[] {r.topic(), r.partition(), r.offset(), r.reason()});
            }
        }
        List<Delivered> toApply = new ArrayList<>(decoded.size());
        try {
            jta.begin();
            try (Connection c = dataSource.getConnection()) {
                Set<String> fresh = claim(c, decoded);
                Set<String> seen = new HashSet<>();
                for (Delivered d : decoded) {
                    if (fresh.contains(d.event().attributes().id()) && seen.add(d.event().attributes().id())) {
                        toApply.add(d);
                    }
                }
                duplicates.addAndGet(decoded.size() - toApply.size());
                if (!toApply.isEmpty()) {
                    handler.apply(toApply, c);
                }
                recordRejected(c, rejected);
                savePosition(c, tp, nextOffset);
            }
            jta.commit();
            applied.addAndGet(toApply.size());
            return toApply;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException("transaction failed: " + e.getMessage(), e);
        }
    }

    private record Rejected(String topic, int partition, long offset, String reason) {
    }

    /**
     * Decodes a batch strictly, in the order read: a {@link Delivered} or a {@link Rejected} per record.
     * Decoding needs nothing but the record, so a large batch is decoded on every core (it was half of
     * a rebuild's time on one thread; JFR, issue 9).
     */
    private static Object[] decode(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        for (TopicPartition tp : records.partitions()) {
            list.addAll(records.records(tp)); // partition after partition, as apply splits the results
        }
        Object[] results = new Object[list.size()];
        // runs on the decoders' pool, so a parallel stream uses its threads
        IntStream range = IntStream.range(0, list.size());
        (list.size() >= PARALLEL_DECODE_FROM ? range.parallel() : range).forEach(i -> {
            ConsumerRecord<String, byte[]> r = list.get(i);
            try {
                results[i] = new Delivered(r.topic(), r.partition(), r.offset(), KafkaBinding.fromRecord(r));
            } catch (InvalidEventException e) {
                results[i] = new Rejected(r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        });
        return results;
    }

    /** Records the ids of the batch's events; returns the ids that were not recorded before. */
    private static Set<String> claim(Connection c, List<Delivered> decoded) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (decoded.isEmpty()) {
            return fresh;
        }
        String[] ids = decoded.stream().map(d -> d.event().attributes().id()).distinct().toArray(String[]::new);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO applied_event (event_id) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
            Array array = c.createArrayOf("text", ids);
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    private void savePosition(Connection c, TopicPartition tp, long nextOffset) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO consumer_position (consumer, topic, partition_no, next_offset) VALUES (?, ?, ?, ?)
                ON CONFLICT (consumer, topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
            s.setString(1, name);
            s.setString(2, tp.topic());
            s.setInt(3, tp.partition());
            s.setLong(4, nextOffset);
            s.executeUpdate();
        }
    }

    /** The consumer's name, also its group id and its key in {@code consumer_position}. */
    public String name() {
        return name;
    }

    private static void recordRejected(Connection c, List<Object[]> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO rejected_event (topic, partition_no, record_offset, reason) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Object[] r : rejected) {
                s.setString(1, (String) r[0]);
                s.setInt(2, (Integer) r[1]);
                s.setLong(3, (Long) r[2]);
                s.setString(4, (String) r[3]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (!assigned.contains(tp)) {
                continue; // revoked meanwhile: its new owner reads from the committed offset
            }
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private void rollbackQuietly() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                jta.rollback();
            }
        } catch (Exception e) {
            LOG.warnf("consumer %s: rollback failed: %s", name, e.getMessage());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events applied since start (duplicates excluded). */
    public long applied() {
        return applied.get();
    }

    /** Redelivered events recognised by id and skipped, since start. */
    public long duplicates() {
        return duplicates.get();
    }




    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        decoders.shutdownNow();
        writers.shutdownNow();
    }
}
