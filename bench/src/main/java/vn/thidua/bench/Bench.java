package vn.thidua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thidua.contract.access.BearerTokens;
import vn.thidua.contract.access.Credentials;
import vn.thidua.contract.access.KafkaLogin;
import vn.thidua.contract.events.Topic;

/** {@code ./thidua-bench}: every figure printed beside the physical limit measured in the same run. */
@Command(name = "thidua-bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Runs a province-sized workload against running thidua services (e.g. ./thidua-local --fresh --no-sample)",
                "and prints one table: ingest, end-to-end, projection, replay, memory, each beside its limit measured now.",
                "Writes the table as JSON under --out."})
public final class Bench implements Callable<Integer> {
    @Option(names = "--units", defaultValue = "500") int units;
    @Option(names = "--members", defaultValue = "60", description = "members per unit") int members;
    @Option(names = "--campaigns", defaultValue = "10") int campaigns;
    @Option(names = "--records", defaultValue = "20", description = "records per member in the year") int records;
    @Option(names = "--clients", defaultValue = "16", description = "concurrent HTTP clients") int clients;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--probes", defaultValue = "4", description = "threads that each post a record beside the load and time it until counted")
    int probes;
    @Option(names = "--campaign-url", defaultValue = "http://localhost:8081") String campaignUrl;
    @Option(names = "--participation-url", defaultValue = "http://localhost:8082") String participationUrl;
    @Option(names = "--evaluation-url", defaultValue = "http://localhost:8083") String evaluationUrl;
    @Option(names = "--bootstrap", defaultValue = "localhost:19092") String bootstrap;
    @Option(names = "--credentials", description = "the local stack's credentials.json (e.g. .thidua-local/credentials.json): requests carry"
            + " the officer's token, Kafka is read as the user auditor; without it, no token and plaintext Kafka") Path credentials;
    @Option(names = "--pg", defaultValue = "jdbc:postgresql://localhost:15432/", description = "PostgreSQL base URL (database appended)") String pg;
    @Option(names = "--pg-user", defaultValue = "postgres") String pgUser;
    @Option(names = "--pg-password", defaultValue = "") String pgPassword;
    @Option(names = "--out", defaultValue = "bench/results") Path out;

    /** Records per request in the batch mode. */
    private static final int BATCH = 100;
    private final Http http = new Http();
    private Map<String, Object> kafkaLogin = Map.of();
    /** Idempotency keys are unique to this run: a key of an earlier run would replay that run's answer. */
    private final String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (IllegalStateException e) {
            System.err.println("✗ the bench stopped: " + e.getMessage());
            return 2;
        } catch (java.util.concurrent.ExecutionException e) {
            System.err.println("✗ the bench stopped: " + e.getCause());
            return 2;
        }
    }

    private int run() throws Exception {
        if (credentials != null) {
            Credentials file = Credentials.read(credentials);
            Credentials.User officer = file.userWithRole("officer", null)
                    .orElseThrow(() -> new IllegalStateException(credentials + " has no person with the role officer"));
            BearerTokens tokens = BearerTokens.ofUser(file, officer.username());
            tokens.accessToken();
            http.authorize(tokens::header);
            Credentials.KafkaUser auditor = file.kafkaUser("auditor")
                    .orElseThrow(() -> new IllegalStateException(credentials + " has no Kafka user auditor"));
            kafkaLogin = KafkaLogin.sasl(file.kafka().mechanism(), auditor.username(), auditor.password());
            say("signed in: requests as " + officer.username() + " (token from " + file.tokenEndpoint() + "), Kafka as " + auditor.username());
        }
        Workload w = new Workload(units, members, campaigns, records, seed);
        results.put("workload", Map.of("units", units, "membersPerUnit", members, "campaigns", campaigns, "recordsPerMember", records,
                "records", w.recordCount(), "clients", clients, "seed", seed));
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), "java", System.getProperty("java.version")));
        List<String> campaignIds = setUp(w);
        ingest(w, campaignIds);
        batchIngest(w, campaignIds);
        projection(w.recordCount());
        replay();
        memory();
        Table.print(results);
        Files.createDirectories(out);
        Path file = out.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        http.json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
        System.out.println("JSON: " + file);
        return 0;
    }

    private static void say(String text) {
        System.out.printf("[%s] %s%n", java.time.LocalTime.now().withNano(0), text);
    }

    private List<String> setUp(Workload w) throws Exception {
        say("set-up: " + w.units.size() + " units, " + campaigns + " campaigns, " + w.members.size() + " members");
        parallel(w.units.size(), i -> http.ok("PUT", campaignUrl + "/api/units/" + w.units.get(i).code(),
                Map.of("name", w.units.get(i).name(), "head", "Trưởng " + w.units.get(i).name()), null));
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < campaigns; c++) {
            ids.add(http.ok("POST", campaignUrl + "/api/campaigns", w.campaignBody(c), run + "-campaign-" + c).path("campaignId").asText());
        }
        // rosters only for units a campaign was sent to: wait until participation-service has read the campaigns
        for (String id : ids) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (http.send("POST", participationUrl + "/api/participations", record(id, w.units.get(0).code(), null, "ACTIVITY",
                    LocalDate.of(2000, 1, 1), "thăm dò", null), null, Duration.ofSeconds(30)).statusCode() == 409) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("participation-service never learned of campaign " + id);
                }
                Thread.sleep(200);
            }
        }
        parallel(w.members.size(), i -> {
            Workload.Member m = w.members.get(i);
            return http.ok("PUT", participationUrl + "/api/units/" + m.unitCode() + "/members/" + m.memberId(),
                    Map.of("fullName", m.fullName(), "position", "Chuyên viên", "fromDate", (Workload.YEAR - 1) + "-12-01"), null);
        });
        return ids;
    }

    private static Map<String, Object> record(String campaignId, String unit, String member, String kind, LocalDate day, String text,
                                              String evidence) {
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

    private void ingest(Workload w, List<String> ids) throws Exception {
        List<Workload.Record> all = w.records();
        say("ingest: " + all.size() + " records through POST /api/participations, " + clients + " clients");
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicInteger failures = new AtomicInteger();
        Probes underLoad = new Probes(w, ids, true);
        long started = System.nanoTime();
        parallel(all.size(), i -> {
            Workload.Record r = all.get(i);
            long t = System.nanoTime();
            int status = http.send("POST", participationUrl + "/api/participations", record(ids.get(Integer.parseInt(r.campaignIndex())),
                    r.unitCode(), r.memberId(), r.kind(), r.occurredOn(), r.description(), r.evidence()), run + "-" + i,
                    Duration.ofSeconds(60)).statusCode();
            synchronized (latency) {
                latency.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            if (status != 201) {
                failures.incrementAndGet();
            }
            if (i > 0 && i % 50_000 == 0) {
                say("  " + i + " records posted");
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> endToEndFull = underLoad.stop();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + all.size() + " records were refused: the figures would be wrong");
        }
        double rate = all.size() / seconds;
        double limit = jdbcInserts(all.size(), 1);
        results.put("ingest", Map.of("records", all.size(), "seconds", seconds, "recordsPerSecond", rate, "failures", failures.get(),
                "p50ms", latency.getValueAtPercentile(50) / 1000.0, "p99ms", latency.getValueAtPercentile(99) / 1000.0,
                "maxMs", latency.getMaxValue() / 1000.0, "limitRowsPerSecond", limit, "ratio", rate / limit));

        int halfCount = Math.max(200, Math.min(all.size() / 10, 20_000));
        double target = rate / 2;
        say(String.format("ingest at half rate: %d records at %.0f/s", halfCount, target));
        Histogram half = new Histogram(60_000_000L, 3);
        Probes atHalfRate = new Probes(w, ids, false);
        long halfStart = System.nanoTime();
        parallel(halfCount, i -> {
            long due = halfStart + (long) (i / target * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Workload.Record r = all.get(i % all.size());
            long t = System.nanoTime();
            http.send("POST", participationUrl + "/api/participations", record(ids.get(Integer.parseInt(r.campaignIndex())), r.unitCode(),
                    r.memberId(), "ACTIVITY", r.occurredOn(), r.description(), null), run + "-half-" + i, Duration.ofSeconds(60));
            synchronized (half) {
                half.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            return null;
        });
        double halfRate = halfCount / ((System.nanoTime() - halfStart) / 1e9);
        Map<String, Object> endToEndHalf = atHalfRate.stop();
        results.put("endToEnd", Map.of("fullLoad", endToEndFull, "halfRate", endToEndHalf));
        results.put("ingestAtHalfRate", Map.of("records", halfCount, "recordsPerSecond", halfRate, "p50ms", half.getValueAtPercentile(50) / 1000.0,
                "p99ms", half.getValueAtPercentile(99) / 1000.0, "maxMs", half.getMaxValue() / 1000.0));
    }

    /**
     * Batch mode: the workload's records again (as ACTIVITY, so no second registration), {@value #BATCH} per
     * {@code POST /api/participations/batch}, each batch under its own Idempotency-Key; beside the same rows
     * as JDBC batches of {@value #BATCH} per transaction, same clients, same database.
     */
    private void batchIngest(Workload w, List<String> ids) throws Exception {
        List<Workload.Record> all = w.records();
        int batches = Math.max(1, Math.min(all.size(), 100_000) / BATCH);
        say("ingest in batches: " + batches * BATCH + " records through POST /api/participations/batch, " + BATCH + " per batch, "
                + clients + " clients");
        Histogram latency = new Histogram(600_000_000L, 3);
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        parallel(batches, b -> {
            List<Map<String, Object>> items = new ArrayList<>(BATCH);
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                Workload.Record r = all.get(i % all.size());
                items.add(record(ids.get(Integer.parseInt(r.campaignIndex())), r.unitCode(), r.memberId(), "ACTIVITY", r.occurredOn(),
                        r.description(), null));
            }
            long t = System.nanoTime();
            HttpResponse<String> answer = http.send("POST", participationUrl + "/api/participations/batch", Map.of("items", items),
                    run + "-batch-" + b, Duration.ofSeconds(120));
            synchronized (latency) {
                latency.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            if (answer.statusCode() != 200) {
                failures.incrementAndGet();
                say("  batch " + b + " answered " + answer.statusCode() + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + batches + " batches were refused: the figures would be wrong");
        }
        int records = batches * BATCH;
        double rate = records / seconds;
        double limit = jdbcInserts(records, BATCH);
        results.put("batchIngest", Map.of("records", records, "batchSize", BATCH, "seconds", seconds, "recordsPerSecond", rate,
                "p50ms", latency.getValueAtPercentile(50) / 1000.0, "p99ms", latency.getValueAtPercentile(99) / 1000.0,
                "limitRowsPerSecond", limit, "ratio", rate / limit));
    }

    /**
     * The limit of ingest: the same number of rows as transactional INSERTs over plain JDBC, {@code perTransaction}
     * rows per commit (1: single-row; more: one JDBC batch per commit), same clients, same database.
     */
    private double jdbcInserts(int rows, int perTransaction) throws Exception {
        say("limit: " + rows + " rows as transactional INSERTs through plain JDBC, " + perTransaction + " per transaction, " + clients
                + " connections");
        try (Connection c = connect("participation"); Statement s = c.createStatement()) {
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
                try (Connection c = connect("participation");
                     PreparedStatement p = c.prepareStatement("INSERT INTO bench_ingest_limit VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    c.setAutoCommit(false);
                    int i;
                    while ((i = next.getAndAdd(perTransaction)) < rows) {
                        for (int row = i; row < Math.min(rows, i + perTransaction); row++) {
                            bindLimitRow(p, row);
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
        try (Connection c = connect("participation"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_ingest_limit");
        }
        return rate;
    }

    /**
     * Beside a load: {@code probes} threads each post a record of a member of the workload and time it
     * from the POST until the member's score lists it; under full load, one more thread reads the
     * year's unit table again and again and times each read.
     */
    private final class Probes {
        private final Histogram endToEnd = new Histogram(600_000_000L, 3);
        private final Histogram tableReads = new Histogram(60_000_000L, 3);
        private final AtomicInteger next = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private final Workload w;
        private final List<String> ids;
        private volatile boolean running = true;
        private volatile Exception failure;

        Probes(Workload w, List<String> ids, boolean readTable) {
            this.w = w;
            this.ids = ids;
            for (int t = 0; t < probes; t++) {
                threads.add(new Thread(() -> loop(this::probe), "e2e-probe-" + t));
            }
            if (readTable) {
                threads.add(new Thread(() -> loop(this::readTable), "table-reader"));
            }
            threads.forEach(Thread::start);
        }

        private interface Step {
            void run() throws Exception;
        }

        private void loop(Step step) {
            try {
                do { // at least one sample, however short the load
                    step.run();
                } while (running);
            } catch (Exception e) {
                failure = e;
            }
        }

        private void probe() throws Exception {
            int s = next.getAndIncrement();
            Workload.Member m = w.members.get((int) ((s * 7919L) % w.members.size()));
            long t = System.nanoTime();
            JsonNode created = http.ok("POST", participationUrl + "/api/participations", record(ids.get(s % ids.size()), m.unitCode(),
                    m.memberId(), "ACTIVITY", LocalDate.of(Workload.YEAR, 12, 1 + s % 28), "Đo thời gian từ khi ghi nhận đến khi được tính điểm", null),
                    run + "-e2e-" + s);
            String recordId = created.path("recordId").asText();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!counted(m.memberId(), recordId)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("record " + recordId + " was not counted within 5 minutes");
                }
                Thread.sleep(5);
            }
            synchronized (endToEnd) {
                endToEnd.recordValue((System.nanoTime() - t) / 1000);
            }
        }

        /** Whether the member's score lists the record; a 404 is "not yet": the member's roster may reach evaluation-service after the record's POST. */
        private boolean counted(String memberId, String recordId) {
            java.net.http.HttpResponse<String> r = http.send("GET", evaluationUrl + "/api/scores/" + Workload.YEAR + "/members/" + memberId, null, null,
                    Duration.ofSeconds(60));
            if (r.statusCode() == 404) {
                return false;
            }
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("GET the score of " + memberId + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().contains("\"" + recordId + "\"");
        }

        private void readTable() throws Exception {
            long t = System.nanoTime();
            http.ok("GET", evaluationUrl + "/api/scores/" + Workload.YEAR + "/units", null, null);
            synchronized (tableReads) {
                tableReads.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            Thread.sleep(20);
        }

        /** Stops the probes (each finishes its sample) and gives the figures. */
        Map<String, Object> stop() throws Exception {
            running = false;
            for (Thread t : threads) {
                t.join();
            }
            if (failure != null) {
                throw failure;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("samples", endToEnd.getTotalCount());
            out.put("p50ms", endToEnd.getValueAtPercentile(50) / 1000.0);
            out.put("p99ms", endToEnd.getValueAtPercentile(99) / 1000.0);
            out.put("maxMs", endToEnd.getMaxValue() / 1000.0);
            if (tableReads.getTotalCount() > 0) {
                out.put("unitTableReads", Map.of("samples", tableReads.getTotalCount(), "p50ms", tableReads.getValueAtPercentile(50) / 1000.0,
                        "p99ms", tableReads.getValueAtPercentile(99) / 1000.0, "maxMs", tableReads.getMaxValue() / 1000.0));
            }
            return out;
        }
    }

    private void projection(int rows) throws Exception {
        // twice: the first rebuild since the service started also pays for compiling its code (JIT); the second is the
        // steady state, the figure compared with the limit. Both are reported.
        say("projection: evaluation-service rebuilds its read model from the topics (twice)");
        settled();
        JsonNode first = rebuild();
        JsonNode rebuilt = rebuild();
        double firstRate = first.path("eventsRead").asLong() / first.path("readSeconds").asDouble();
        double rate = rebuilt.path("eventsRead").asLong() / rebuilt.path("readSeconds").asDouble();
        say("limit: a plain Kafka consumer reading the same topics");
        double consumerRate = plainConsumer(List.of(Topic.CAMPAIGN.address(), Topic.ROSTER.address(), Topic.PARTICIPATION.address(),
                Topic.APPRAISAL.address()));
        say("limit: the same rows as JDBC batch inserts");
        double jdbcRate = jdbcBatchInserts(rows);
        double limit = Math.min(consumerRate, jdbcRate);
        results.put("projection", Map.of("events", rebuilt.path("eventsRead").asLong(), "readSeconds", rebuilt.path("readSeconds").asDouble(),
                "eventsPerSecond", rate, "tablesSeconds", rebuilt.path("seedSeconds").asDouble(),
                "digestsIdentical", first.path("identical").asBoolean() && rebuilt.path("identical").asBoolean(),
                "firstRebuildEventsPerSecond", firstRate, "plainConsumerEventsPerSecond", consumerRate,
                "jdbcBatchRowsPerSecond", jdbcRate, "ratio", rate / limit));
        results.put("plainConsumerEventsPerSecond", consumerRate);
    }

    /**
     * Waits until the year's counted records hold still (the relay has published, and evaluation-service
     * applied, every record answered so far), so that each rebuild reads the log its "before" tables
     * were made of.
     */
    private void settled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long counted = http.ok("GET", evaluationUrl + "/api/appraisals/" + Workload.YEAR, null, null).path("counts").path("countedRecords").asLong();
            if (counted == last) {
                return;
            }
            last = counted;
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("evaluation-service's count of " + Workload.YEAR + " did not settle within 10 minutes");
    }

    private JsonNode rebuild() throws Exception {
        HttpResponse<String> r = http.send("POST", evaluationUrl + "/api/projection/rebuild", null, null, Duration.ofMinutes(60));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + r.statusCode() + ": " + r.body());
        }
        return http.json.readTree(r.body());
    }

    private double plainConsumer(List<String> topics) {
        Properties config = new Properties();
        config.putAll(kafkaLogin);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                for (PartitionInfo p : consumer.partitionsFor(t)) {
                    partitions.add(new TopicPartition(t, p.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            consumer.seekToBeginning(partitions);
            long started = System.nanoTime();
            long read = 0;
            AtomicLong bytes = new AtomicLong();
            while (read < total) {
                for (var rec : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes.addAndGet(rec.value().length);
                }
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** The first six columns of the limits' rows (record id, campaign, unit, member, kind, day), as a record would have them. */
    private void bindLimitRow(PreparedStatement p, int i) throws SQLException {
        p.setString(1, "r-" + i);
        p.setString(2, "c-" + (i % campaigns));
        p.setString(3, "DV0001");
        p.setString(4, "DV0001-001");
        p.setString(5, "ACTIVITY");
        p.setObject(6, LocalDate.of(Workload.YEAR, 1, 1).plusDays(i % 365));
    }

    /** The limit of the projection's writes: the same number of rows as JDBC batch inserts, a batch per transaction, one connection. */
    private double jdbcBatchInserts(int rows) throws SQLException {
        try (Connection c = connect("evaluation")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_projection_limit");
                s.execute("CREATE TABLE bench_projection_limit (LIKE ev_record INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_projection_limit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    bindLimitRow(p, i);
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

    /** The audit tool as an auditor runs it ({@code ./thidua-audit}, its own JVM), timed from launch to exit. */
    private void replay() throws Exception {
        say("replay: the audit tool over the whole log");
        Path report = Files.createTempFile("thidua-audit-", ".json");
        try {
            long started = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(Path.of("thidua-audit").toAbsolutePath().toString(), "--bootstrap", bootstrap,
                    "--json", report.toString()));
            if (credentials != null) {
                command.addAll(List.of("--credentials", credentials.toString()));
            }
            Process audit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = audit.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (exit == 2 || Files.size(report) == 0) {
                throw new IllegalStateException("the audit tool could not run (exit " + exit + "); try ./thidua-audit --bootstrap " + bootstrap);
            }
            JsonNode r = http.json.readTree(report.toFile());
            long events = r.path("eventsRead").asLong();
            double rate = events / seconds;
            double consumer = plainConsumer(java.util.Arrays.stream(Topic.values()).map(Topic::address).toList());
            results.put("replay", Map.of("events", events, "seconds", seconds, "eventsPerSecond", rate, "holds", r.path("holds").asBoolean(),
                    "exit", exit, "plainConsumerEventsPerSecond", consumer, "ratio", rate / consumer));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private void memory() {
        Map<String, Object> rss = new LinkedHashMap<>();
        Map<String, String> services = Map.of("campaign-service", campaignUrl, "participation-service", participationUrl,
                "evaluation-service", evaluationUrl);
        services.forEach((name, url) -> {
            String port = url.substring(url.lastIndexOf(':') + 1);
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar") && c.contains("-Dquarkus.http.port=" + port)).orElse(false))
                    .findFirst()
                    .ifPresent(p -> rss.put(name, peakRssMb(p.pid())));
        });
        results.put("peakRssMb", rss);
    }

    private static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(pg + database, pgUser, pgPassword);
    }

    private interface Task {
        Object run(int i) throws Exception;
    }

    private void parallel(int n, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
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
