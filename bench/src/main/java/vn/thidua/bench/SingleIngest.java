package vn.thidua.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * One record per {@code POST /api/participations}: the workload's records at full load (with the
 * end-to-end probes, CPU per record by process, and a JFR recording of participation-service for
 * security's share), beside single-row JDBC transactions; then a tenth of them at half that rate.
 */
final class SingleIngest {
    private SingleIngest() {
    }

    static void run(Run run, Workload w, List<String> ids, StackProcesses processes) throws Exception {
        List<Workload.Record> all = w.records();
        Run.say("ingest: " + all.size() + " records through POST /api/participations, " + run.o.clients + " clients");
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicInteger failures = new AtomicInteger();
        SecurityProfile security = processes.pid("participation-service").isPresent()
                ? SecurityProfile.start("participation-service", processes.pid("participation-service").get()) : null;
        ServerTimes tableReadsServed = ServerTimes.start(run, run.o.evaluationUrl, "/api/scores/{year}/units");
        Probes underLoad = new Probes(run, w, ids, "full", true);
        CpuPerRecord cpu = CpuPerRecord.start(processes);
        long started = System.nanoTime();
        run.parallel(all.size(), i -> {
            Workload.Record r = all.get(i);
            long t = System.nanoTime();
            int status = run.http.send("POST", run.o.participationUrl + "/api/participations", Run.record(ids.get(Integer.parseInt(r.campaignIndex())),
                    r.unitCode(), r.memberId(), r.kind(), r.occurredOn(), r.description(), r.evidence()), run.id + "-" + i,
                    Duration.ofSeconds(60)).statusCode();
            synchronized (latency) {
                latency.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            if (status != 201) {
                failures.incrementAndGet();
            }
            if (i > 0 && i % 50_000 == 0) {
                Run.say("  " + i + " records posted");
            }
            return null;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> cpuFigures = cpu.stop(all.size());
        Map<String, Object> endToEndFull = underLoad.stop();
        endToEndFull.put("unitTableReadsAsServed", tableReadsServed.stop());
        if (security != null) {
            run.results.put("security", SecurityProfile.bound(security.stop(), cpuFigures));
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + all.size() + " records were refused: the figures would be wrong");
        }
        double rate = all.size() / seconds;
        double limit = new Limits(run).jdbcInserts(all.size(), 1);
        run.results.put("ingest", Map.of("records", all.size(), "seconds", seconds, "recordsPerSecond", rate, "failures", failures.get(),
                "p50ms", latency.getValueAtPercentile(50) / 1000.0, "p99ms", latency.getValueAtPercentile(99) / 1000.0,
                "maxMs", latency.getMaxValue() / 1000.0, "limitRowsPerSecond", limit, "ratio", rate / limit));
        CpuPerRecord.put(run, "single", cpuFigures);

        int halfCount = Math.max(200, Math.min(all.size() / 10, 20_000));
        double target = rate / 2;
        Run.say(String.format("ingest at half rate: %d records at %.0f/s", halfCount, target));
        Histogram half = new Histogram(60_000_000L, 3);
        Probes atHalfRate = new Probes(run, w, ids, "half", false);
        long halfStart = System.nanoTime();
        run.parallel(halfCount, i -> {
            long due = halfStart + (long) (i / target * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Workload.Record r = all.get(i % all.size());
            long t = System.nanoTime();
            run.http.send("POST", run.o.participationUrl + "/api/participations", Run.record(ids.get(Integer.parseInt(r.campaignIndex())), r.unitCode(),
                    r.memberId(), "ACTIVITY", r.occurredOn(), r.description(), null), run.id + "-half-" + i, Duration.ofSeconds(60));
            synchronized (half) {
                half.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            }
            return null;
        });
        double halfRate = halfCount / ((System.nanoTime() - halfStart) / 1e9);
        Map<String, Object> endToEndHalf = atHalfRate.stop();
        run.results.put("endToEnd", Map.of("fullLoad", endToEndFull, "halfRate", endToEndHalf));
        run.results.put("ingestAtHalfRate", Map.of("records", halfCount, "recordsPerSecond", halfRate, "p50ms", half.getValueAtPercentile(50) / 1000.0,
                "p99ms", half.getValueAtPercentile(99) / 1000.0, "maxMs", half.getMaxValue() / 1000.0));
    }
}
