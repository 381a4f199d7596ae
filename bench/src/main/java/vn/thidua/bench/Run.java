package vn.thidua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.thidua.contract.envelope.TopicPartitions;

/** What every phase of one bench run shares: the flags, the HTTP client, the results table, the run's id and the helpers. */
final class Run {
    final Options o;
    final Http http = new Http();
    /** Idempotency keys are unique to this run: a key of an earlier run would replay that run's answer. */
    final String id = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    final Map<String, Object> results = new LinkedHashMap<>();
    /** The Kafka client settings for signing in (empty without --credentials: plaintext). */
    Map<String, Object> kafkaLogin = Map.of();

    Run(Options o) {
        this.o = o;
    }

    /**
     * A consumer of every partition of {@code topics}, placed at their beginning, reading committed
     * records only (as every reader of the contract does), signed in as the bench.
     */
    KafkaConsumer<String, byte[]> readFromStart(List<String> topics) {
        Properties config = new Properties();
        config.putAll(kafkaLogin);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = TopicPartitions.of(consumer, topics, Duration.ofMinutes(1));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    static void say(String text) {
        System.out.printf("[%s] %s%n", java.time.LocalTime.now().withNano(0), text);
    }

    /** A {@code POST /api/participations} body. */
    static Map<String, Object> record(String campaignId, String unit, String member, String kind, LocalDate day, String text, String evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("unitCode", unit);
        body.put("memberId", member);
        body.put("kind", kind);
        body.put("occurredOn", day.toString());
        body.put("description", text);
        if (evidence != null) {
            body.put("evidence", Map.of("documentNumber", evidence));
        }
        return body;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(o.pg + database, o.pgUser, o.pgPassword);
    }

    interface Task {
        Object run(int i) throws Exception;
    }

    /** Runs {@code task} for 0 … n-1 on {@code --clients} threads. */
    void parallel(int n, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(o.clients);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < o.clients; t++) {
            done.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    task.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
