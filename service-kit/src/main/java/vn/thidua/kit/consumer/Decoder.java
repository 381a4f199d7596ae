package vn.thidua.kit.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.InvalidEventException;

/**
 * Decodes polled batches strictly, on a pool of its own (every core; its threads see the
 * application's classes): a {@link Delivered} or a {@link Rejected} per record, partition after
 * partition in the order polled. Decoding needs nothing but the record, so a large batch is decoded
 * in parallel (it was half of a rebuild's time on one thread; JFR, issue 9).
 */
final class Decoder implements AutoCloseable {
    /** Batches at least this large are decoded in parallel. */
    private static final int PARALLEL_FROM = 64;

    /** A record that broke the contract, and why. */
    record Rejected(String topic, int partition, long offset, String reason) {
    }

    private final ForkJoinPool pool;

    Decoder(String name) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            worker.setName(name + "-decoder-" + worker.getPoolIndex());
            worker.setDaemon(true);
            worker.setContextClassLoader(application);
            return worker;
        }, null, false);
    }

    /** Starts decoding a batch; the task gives one result per record, partition after partition. */
    ForkJoinTask<Object[]> submit(ConsumerRecords<String, byte[]> records) {
        return pool.submit(() -> decode(records));
    }

    static Object[] decode(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        for (TopicPartition tp : records.partitions()) {
            list.addAll(records.records(tp));
        }
        Object[] results = new Object[list.size()];
        // on the pool's threads, so a parallel stream uses them
        IntStream range = IntStream.range(0, list.size());
        (list.size() >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            ConsumerRecord<String, byte[]> r = list.get(i);
            try {
                results[i] = new Delivered(r.topic(), r.partition(), r.offset(), KafkaBinding.fromRecord(r));
            } catch (InvalidEventException e) {
                results[i] = new Rejected(r.topic(), r.partition(), r.offset(), e.getMessage());
            } catch (RuntimeException e) {
                // whatever else a record's bytes make the binding throw: parked too, never a batch failed for ever
                results[i] = new Rejected(r.topic(), r.partition(), r.offset(), "not decodable: " + e.getMessage());
            }
        });
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
