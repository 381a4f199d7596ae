package vn.thidua.kit.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer's meters, on Micrometer's global registry (Quarkus adds its Prometheus registry to it;
 * without Quarkus they cost nothing): {@code thidua_consumer_applied_total},
 * {@code thidua_consumer_parked_total} (records that broke the contract, kept in
 * {@code rejected_event} and skipped), {@code thidua_consumer_batch_seconds} (each poll's records
 * applied, from the start of its transactions to their commit and the after-commit listener; a failed
 * batch is not timed) and {@code thidua_consumer_lag} per topic partition (records on the broker not
 * yet read, as of the last poll). Removed on close, so a restarted consumer in the same JVM registers
 * its own.
 */
final class ConsumerMetrics implements AutoCloseable {
    private final String consumer;
    private final MeterRegistry registry = Metrics.globalRegistry;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    final Counter applied;
    final Counter parked;
    final Timer batches;

    ConsumerMetrics(String consumer) {
        this.consumer = consumer;
        this.applied = keep(Counter.builder("thidua.consumer.applied").description("events applied to the read model (redeliveries excluded)")
                .tag("consumer", consumer).register(registry));
        this.parked = keep(Counter.builder("thidua.consumer.parked")
                .description("records that broke the contract: kept in rejected_event with their reason, skipped")
                .tag("consumer", consumer).register(registry));
        this.batches = keep(Timer.builder("thidua.consumer.batch")
                .description("a poll's records applied to the read model: from the start of its transactions to their commit")
                .tag("consumer", consumer).register(registry));
    }

    /** The partition's lag as the consumer last saw it; nothing when the consumer does not know it yet. */
    void lag(TopicPartition tp, OptionalLong lag) {
        if (lag.isEmpty()) {
            return;
        }
        lags.computeIfAbsent(tp, p -> {
            AtomicLong value = new AtomicLong();
            keep(Gauge.builder("thidua.consumer.lag", value, AtomicLong::get).description("records on the broker not yet read")
                    .tags("consumer", consumer, "topic", p.topic(), "partition", Integer.toString(p.partition()))
                    .strongReference(true).register(registry));
            return value;
        }).set(lag.getAsLong());
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
