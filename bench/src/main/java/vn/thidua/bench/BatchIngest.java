package vn.thidua.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.thidua.contract.events.Topic;
import org.HdrHistogram.Histogram;

/**
 * Batch mode: the workload's records again (as ACTIVITY, so no second registration), {@value #BATCH} per
 * {@code POST /api/participations/batch}, each batch under its own Idempotency-Key, with CPU per record
 * by process; beside the same rows as JDBC batches of {@value #BATCH} per transaction, same clients, same database.
 */
final class BatchIngest {
    /** Records per request. */
    static final int BATCH = 100;

    private BatchIngest() {
    }

    static void run(Run run, Workload w, List<String> ids, StackProcesses processes) throws Exception {
        List<Workload.Record> all = w.records();
        int batches = Math.max(1, Math.min(all.size(), 100_000) / BATCH);
        Run.say("ingest in batches: " + batches * BATCH + " records through POST /api/participations/batch, " + BATCH + " per batch, "
                + run.o.clients + " clients");
        Histogram latency = new Histogram(600_000_000L, 3);
        AtomicInteger failures = new AtomicInteger();
        Set<String> created = ConcurrentHashMap.newKeySet();
        CpuPerRecord cpu = CpuPerRecord.start(processes);
        long started = System.nanoTime();
        run.parallel(batches, b -> {
            List<Map<String, Object>> items = new ArrayList<>(BATCH);
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                Workload.Record r = all.get(i % all.size());
                items.add(Run.record(ids.get(Integer.parseInt(r.campaignIndex())), r.unitCode(), r.memberId(), "ACTIVITY", r.occurredOn(),
                        r.description(), null));
            }
            long t = System.nanoTime();
            HttpResponse<String> answer = run.http.send("POST", run.o.participationUrl + "/api/participations/batch", Map.of("items", items),
                    run.id + "-batch-" + b, Duration.ofSeconds(120));
            synchronized (latency) {
                latency.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            if (answer.statusCode() == 200) {
                run.http.json.readTree(answer.body()).path("items").forEach(item -> created.add(item.path("recordId").asText()));
            } else {
                failures.incrementAndGet();
                Run.say("  batch " + b + " answered " + answer.statusCode() + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        int records = batches * BATCH;
        Map<String, Object> cpuFigures = cpu.stop(records);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + batches + " batches were refused: the figures would be wrong");
        }
        double rate = records / seconds;
        double limit = new Limits(run).jdbcInserts(records, BATCH);
        Run.say("  the batches' " + created.size() + " records on " + Topic.PARTICIPATION.address() + ", each once?");
        Map<String, Object> onKafka = OnceOnKafka.check(run, created, Duration.ofMinutes(3));
        run.results.put("batchIngest", Map.of("records", records, "batchSize", BATCH, "seconds", seconds, "recordsPerSecond", rate,
                "p50ms", latency.getValueAtPercentile(50) / 1000.0, "p99ms", latency.getValueAtPercentile(99) / 1000.0,
                "limitRowsPerSecond", limit, "ratio", rate / limit, "onKafka", onKafka));
        CpuPerRecord.put(run, "batch", cpuFigures);
    }
}
