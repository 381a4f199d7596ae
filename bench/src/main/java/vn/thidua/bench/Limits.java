package vn.thidua.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** The physical limits each figure is compared with, measured in the same run on the same machine. */
final class Limits {
    private final Run run;

    Limits(Run run) {
        this.run = run;
    }

    /**
     * The limit of ingest: the same number of rows as transactional INSERTs over plain JDBC, {@code perTransaction}
     * rows per commit (1: single-row; more: one JDBC batch per commit), same clients, same database.
     */
    double jdbcInserts(int rows, int perTransaction) throws Exception {
        int clients = run.o.clients;
        Run.say("limit: " + rows + " rows as transactional INSERTs through plain JDBC, " + perTransaction + " per transaction, " + clients
                + " connections");
        try (Connection c = run.connect("participation"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_ingest_limit");
            s.execute("CREATE TABLE bench_ingest_limit (record_id VARCHAR(64) PRIMARY KEY, campaign_id VARCHAR(64), unit_code VARCHAR(32), "
                    + "member_id VARCHAR(64), kind VARCHAR(16), occurred_on DATE, description VARCHAR(5000))");
        }
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = run.connect("participation");
                     PreparedStatement p = c.prepareStatement("INSERT INTO bench_ingest_limit VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    c.setAutoCommit(false);
                    int i;
                    while ((i = next.getAndAdd(perTransaction)) < rows) {
                        for (int row = i; row < Math.min(rows, i + perTransaction); row++) {
                            bindRow(p, row);
                            p.setString(7, "Tham gia hội thi sáng kiến cải tiến kỹ thuật");
                            if (perTransaction == 1) {
                                p.executeUpdate();
                            } else {
                                p.addBatch();
                            }
                        }
                        if (perTransaction > 1) {
                            p.executeBatch();
                        }
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double rate = rows / ((System.nanoTime() - started) / 1e9);
        try (Connection c = run.connect("participation"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_ingest_limit");
        }
        return rate;
    }

    /** The limit of the projection's writes: the same number of rows as JDBC batch inserts, a batch per transaction, one connection. */
    double jdbcBatchInserts(int rows) throws SQLException {
        try (Connection c = run.connect("evaluation")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_projection_limit");
                s.execute("CREATE TABLE bench_projection_limit (LIKE ev_record INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_projection_limit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    bindRow(p, i);
                    p.setInt(7, Workload.YEAR);
                    p.setString(8, "Tham gia hội thi sáng kiến cải tiến kỹ thuật");
                    p.setInt(9, i % 3);
                    p.setLong(10, i);
                    p.addBatch();
                    if ((i + 1) % 2000 == 0) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            double rate = rows / ((System.nanoTime() - started) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_projection_limit");
            }
            c.commit();
            return rate;
        }
    }

    /** The first six columns of the limits' rows (record id, campaign, unit, member, kind, day), as a record would have them. */
    private void bindRow(PreparedStatement p, int i) throws SQLException {
        p.setString(1, "r-" + i);
        p.setString(2, "c-" + (i % run.o.campaigns));
        p.setString(3, "DV0001");
        p.setString(4, "DV0001-001");
        p.setString(5, "ACTIVITY");
        p.setObject(6, LocalDate.of(Workload.YEAR, 1, 1).plusDays(i % 365));
    }

    /** A plain Kafka consumer reading {@code topics} from the beginning to their current ends, events per second. */
    double plainConsumer(List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = run.readFromStart(topics)) {
            List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
            // the end offsets count the writers' transaction markers too, which are not records: read until the positions reach them
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long started = System.nanoTime();
            long read = 0;
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!ends.isEmpty()) {
                read += consumer.poll(Duration.ofMillis(500)).count();
                ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }
}
