package vn.thidua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * End to end, beside a load: {@code --probes} threads each post a record of a member of the workload
 * and time it from the POST until the member's score lists it; under full load, one more thread reads
 * the year's unit table again and again and times each read.
 */
final class Probes {
    /**
     * How long a probe waits between two reads of the member's score: the figures are at most this
     * much late. It was 5 ms: four probes then read 150 scores a second, 6% of the machine's CPU in
     * PostgreSQL alone, load the bench put on the stack it measured (pg_stat_statements, 2026-11-27).
     */
    private static final long POLL_MILLIS = 20;
    private final Histogram endToEnd = new Histogram(600_000_000L, 3);
    private final Histogram tableReads = new Histogram(60_000_000L, 3);
    private final AtomicInteger next = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final Run run;
    private final Workload w;
    private final List<String> ids;
    /** Names this set of probes in their Idempotency-Keys: each set posts new records, never a replay of another's. */
    private final String phase;
    private volatile boolean running = true;
    private volatile Exception failure;

    Probes(Run run, Workload w, List<String> ids, String phase, boolean readTable) {
        this.run = run;
        this.w = w;
        this.ids = ids;
        this.phase = phase;
        for (int t = 0; t < run.o.probes; t++) {
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
        JsonNode created = run.http.ok("POST", run.o.participationUrl + "/api/participations", Run.record(ids.get(s % ids.size()), m.unitCode(),
                m.memberId(), "ACTIVITY", LocalDate.of(Workload.YEAR, 12, 1 + s % 28), "Đo thời gian từ khi ghi nhận đến khi được tính điểm", null),
                run.id + "-e2e-" + phase + "-" + s);
        String recordId = created.path("recordId").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!counted(m.memberId(), recordId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("record " + recordId + " was not counted within 5 minutes");
            }
            Thread.sleep(POLL_MILLIS);
        }
        synchronized (endToEnd) {
            endToEnd.recordValue((System.nanoTime() - t) / 1000);
        }
    }

    /** Whether the member's score lists the record; a 404 is "not yet": the member's roster may reach evaluation-service after the record's POST. */
    private boolean counted(String memberId, String recordId) {
        HttpResponse<String> r = run.http.send("GET", run.o.evaluationUrl + "/api/scores/" + Workload.YEAR + "/members/" + memberId, null, null,
                Duration.ofSeconds(60));
        if (r.statusCode() == 404) {
            return false;
        }
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("GET the score of " + memberId + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().contains("\"" + recordId + "\"");
    }

    /** Times one read of the unit table: the request and the whole answer received, not the bench's parsing of it afterwards. */
    private void readTable() throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = run.http.send("GET", run.o.evaluationUrl + "/api/scores/" + Workload.YEAR + "/units", null, null,
                Duration.ofSeconds(60));
        long micros = Math.max(1, (System.nanoTime() - t) / 1000);
        if (r.statusCode() != 200 || !run.http.json.readTree(r.body()).path("units").isArray()) {
            throw new IllegalStateException("GET the unit table answered " + r.statusCode() + ": " + r.body());
        }
        synchronized (tableReads) {
            tableReads.recordValue(micros);
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
