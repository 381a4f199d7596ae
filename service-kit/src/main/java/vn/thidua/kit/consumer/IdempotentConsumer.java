package vn.thidua.kit.consumer;

import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;

/**
 * Reads thidua topics into a read model, once per event whatever Kafka redelivers (by a ledger of the
 * applied ids, or by the read model's own keys: {@link #keyed}). Its parts: this
 * poll loop (the next batch polled and decoded while the current one is written), the
 * {@link Decoder}, the {@link PartitionWriter} (per poll and partition, or per group of a poll's
 * partitions with {@link #transactionsPerPoll}, one database transaction applies the events whose ids
 * are not yet applied, records those ids and each partition's next offset) and the {@link PositionStore} (all of
 * it keyed by the consumer's name). Kafka offsets are
 * committed after those transactions, asynchronously: a crash between the two redelivers the batch,
 * and the ids make it a no-op. An event that breaks the contract is kept with its reason and
 * skipped, never half-applied. A failing batch is rolled back (the partitions that committed are
 * read again as no-ops) and retried from its first record after a pause.
 */
public final class IdempotentConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    /** A batch that takes this long to apply is logged: the read model is at least that far behind its topics meanwhile. */
    private static final long SLOW_BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Work on the transaction that drops a read model before its consumer starts over. */
    @FunctionalInterface
    public interface Reset {
        void reset(java.sql.Connection connection) throws SQLException;
    }

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Transactions transactions;
    private final PositionStore positions;
    private final Decoder decoder;
    private final PartitionWriter writer;
    private final ConsumerMetrics metrics;
    private final Thread thread;
    /** Writes a batch's groups of partitions in parallel, a transaction each. */
    private final ExecutorService writers;
    /**
     * Into how many transactions (in parallel) a poll's partitions are grouped; 0: a transaction per
     * partition. A poll of fewer than {@link #SPLIT_FROM} records is written in one.
     */
    private volatile int groupsPerPoll;
    /** The smallest poll that {@link #transactionsPerPoll} splits: a live poll of a few records pays one transaction. */
    static final int SPLIT_FROM = 500;
    private volatile java.util.function.Consumer<List<Delivered>> afterCommit = batch -> { };
    private volatile Reset rewindRequest;
    private volatile CompletableFuture<Void> rewound;
    private volatile boolean running = true;

    public IdempotentConsumer(String name, KafkaSettings kafka, Collection<String> topics, int maxPollRecords, DataSource dataSource,
                              TransactionManager jta, EventBatchHandler handler) {
        this(name, kafka, topics, maxPollRecords, Transactions.jta(jta, dataSource), handler);
    }

    public IdempotentConsumer(String name, KafkaSettings kafka, Collection<String> topics, int maxPollRecords, Transactions transactions,
                              EventBatchHandler handler) {
        this(name, kafka, topics, maxPollRecords, transactions, (batch, c) -> {
            handler.apply(batch, c);
            return batch;
        }, true);
    }

    /**
     * A consumer whose handler's writes are idempotent by the events' own keys: it keeps no ledger of
     * applied ids (a row per event, as many as the read model's own; DECISIONS 53), the handler tells
     * which events of a batch were new.
     */
    public static IdempotentConsumer keyed(String name, KafkaSettings kafka, Collection<String> topics, int maxPollRecords, DataSource dataSource,
                                           TransactionManager jta, KeyedBatchHandler handler) {
        return keyed(name, kafka, topics, maxPollRecords, Transactions.jta(jta, dataSource), handler);
    }

    public static IdempotentConsumer keyed(String name, KafkaSettings kafka, Collection<String> topics, int maxPollRecords,
                                           Transactions transactions, KeyedBatchHandler handler) {
        return new IdempotentConsumer(name, kafka, topics, maxPollRecords, transactions, handler, false);
    }

    private IdempotentConsumer(String name, KafkaSettings kafka, Collection<String> topics, int maxPollRecords, Transactions transactions,
                               KeyedBatchHandler handler, boolean ledger) {
        this.name = name;
        this.transactions = transactions;
        this.positions = new PositionStore(name);
        this.decoder = new Decoder(name);
        this.metrics = new ConsumerMetrics(name);
        this.writer = new PartitionWriter(name, transactions, handler, ledger, positions, metrics);
        this.consumer = KafkaClients.consumer(kafka, name, name + "-" + ProcessHandle.current().pid(), maxPollRecords);
        this.consumer.subscribe(List.copyOf(topics));
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        AtomicInteger writerCount = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(task -> {
            Thread w = new Thread(task, name + "-writer-" + writerCount.incrementAndGet());
            w.setDaemon(true);
            w.setContextClassLoader(application);
            return w;
        });
    }

    /**
     * Writes each poll's partitions together in one transaction instead of a transaction each in
     * parallel (call before {@link #start}): for a handler whose work per transaction does not
     * shrink with the batch (such as tables that are recomputed per batch and share locks across
     * partitions), live polls of a few records then pay it once. Positions stay per partition.
     */
    public IdempotentConsumer oneTransactionPerPoll() {
        return transactionsPerPoll(1);
    }

    /**
     * Groups each poll's partitions into at most {@code transactions} transactions written in
     * parallel (call before {@link #start}), each group holding about as many records; a poll of
     * fewer than {@link #SPLIT_FROM} records stays one transaction. For a rebuild or a backlog, whose
     * polls are large: one transaction keeps one PostgreSQL backend busy while the others wait
     * (issue 16: a rebuild's machine was a third idle). What a handler writes for one group must not
     * depend on another's uncommitted work, as with partitions written apart.
     */
    public IdempotentConsumer transactionsPerPoll(int transactions) {
        if (transactions < 1) {
            throw new IllegalArgumentException("at least one transaction per poll: " + transactions);
        }
        this.groupsPerPoll = transactions;
        return this;
    }

    /** Called on the consumer's thread after each batch's transactions committed, with the events they applied (not the redelivered ones). */
    public void onCommitted(java.util.function.Consumer<List<Delivered>> listener) {
        this.afterCommit = listener;
    }

    /**
     * Asks the consumer to start over: on its thread, in one transaction, {@code reset} drops the read
     * model and the consumer forgets what it applied (its own ids, rejections and positions only);
     * then every partition is read again from the beginning.
     */
    public synchronized CompletableFuture<Void> rewindToStart(Reset reset) {
        this.rewound = new CompletableFuture<>();
        this.rewindRequest = reset;
        return rewound;
    }

    public void start() {
        thread.start();
        LOG.infof("consumer %s started", name);
    }

    /** A polled batch whose decoding has started. */
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
                Reset rewind = rewindRequest;
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
                    Object[] decoded = current.decoded().join();
                    long start = System.nanoTime();
                    apply(current.records(), decoded);
                    long took = System.nanoTime() - start;
                    metrics.batches.record(took, TimeUnit.NANOSECONDS);
                    if (took >= SLOW_BATCH_NANOS) {
                        LOG.infof("consumer %s: a batch of %d records took %d ms to apply", name, current.records().count(), took / 1_000_000);
                    }
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (TopicPartition tp : current.records().partitions()) {
                        offsets.put(tp, new OffsetAndMetadata(next(current.records(), tp)));
                    }
                    // asynchronous: the database already holds what was applied; a commit lost in a crash only means a
                    // redelivery, which the applied ids (or a keyed handler's keys) turn into a no-op
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
                        seekBack(ahead.records());
                        ahead = null;
                    }
                    seekBack(current.records());
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
        for (TopicPartition tp : consumer.assignment()) {
            metrics.lag(tp, consumer.currentLag(tp));
        }
        return records.isEmpty() ? null : new Batch(records, decoder.submit(records));
    }

    private void rewindNow(Reset reset) {
        try {
            transactions.inTransaction(c -> {
                reset.reset(c);
                positions.reset(c);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
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
     * Applies a decoded batch through the {@link PartitionWriter}: each group of partitions in its own
     * transaction ({@link #transactionsPerPoll}; by default a group per partition), the groups in
     * parallel (one PostgreSQL connection each; a partition's order is kept, and nothing a handler
     * writes depends on another group's uncommitted work). Reports what was applied to the commit
     * listener; throws if any group failed, after reporting the groups that committed (read again,
     * they are no-ops).
     */
    private void apply(ConsumerRecords<String, byte[]> records, Object[] results) throws SQLException {
        // results are in the order the decoder read them: partition after partition
        List<PartitionWriter.Part> all = new ArrayList<>();
        int from = 0;
        for (TopicPartition tp : records.partitions()) {
            List<Object> part = Arrays.asList(results).subList(from, from + records.records(tp).size());
            from += part.size();
            all.add(new PartitionWriter.Part(tp, part, next(records, tp)));
        }
        List<List<PartitionWriter.Part>> groups = groups(all, groupsPerPoll == 0 ? all.size()
                : results.length < SPLIT_FROM ? 1 : groupsPerPoll);
        if (groups.size() == 1) {
            List<Delivered> appliedNow = writer.write(groups.get(0));
            afterCommit.accept(appliedNow);
            return;
        }
        List<Future<List<Delivered>>> written = new ArrayList<>();
        for (List<PartitionWriter.Part> group : groups) {
            written.add(writers.submit(() -> writer.write(group)));
        }
        List<Delivered> appliedNow = new ArrayList<>(results.length);
        Exception failure = null;
        for (Future<List<Delivered>> group : written) {
            try {
                appliedNow.addAll(group.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause
                            : new IllegalStateException("a partition's write failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            }
        }
        // also when a group failed: the groups that committed will be read again as no-ops, and never reported then
        afterCommit.accept(appliedNow);
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure != null) {
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure.getMessage(), failure);
        }
    }

    /** The parts in at most {@code n} groups of about as many records: the largest part first, each to the group with the fewest. */
    static List<List<PartitionWriter.Part>> groups(List<PartitionWriter.Part> parts, int n) {
        int count = Math.max(1, Math.min(n, parts.size()));
        List<List<PartitionWriter.Part>> groups = new ArrayList<>(count);
        long[] sizes = new long[count];
        for (int i = 0; i < count; i++) {
            groups.add(new ArrayList<>());
        }
        List<PartitionWriter.Part> bySize = new ArrayList<>(parts);
        bySize.sort((a, b) -> Integer.compare(b.results().size(), a.results().size()));
        for (PartitionWriter.Part part : bySize) {
            int smallest = 0;
            for (int i = 1; i < count; i++) {
                if (sizes[i] < sizes[smallest]) {
                    smallest = i;
                }
            }
            groups.get(smallest).add(part);
            sizes[smallest] += part.results().size();
        }
        groups.removeIf(List::isEmpty);
        return groups;
    }

    private static long next(ConsumerRecords<String, byte[]> records, TopicPartition tp) {
        List<ConsumerRecord<String, byte[]>> inPartition = records.records(tp);
        return inPartition.get(inPartition.size() - 1).offset() + 1;
    }

    private void seekBack(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (!assigned.contains(tp)) {
                continue; // revoked meanwhile: its new owner reads from the committed offset
            }
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The consumer's name, also its group id and its key in the position store. */
    public String name() {
        return name;
    }

    /** Events applied since start (duplicates excluded). */
    public long applied() {
        return writer.applied.get();
    }

    /** Redelivered events recognised by id and skipped, since start. */
    public long duplicates() {
        return writer.duplicates.get();
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
        decoder.close();
        writers.shutdownNow();
        metrics.close();
    }
}
