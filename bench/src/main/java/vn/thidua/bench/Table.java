package vn.thidua.bench;

import java.util.Map;

/** The bench's one table: each figure, its limit measured in the same run, the ratio, the target. */
final class Table {
    private Table() {
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> r) {
        Map<String, Object> w = (Map<String, Object>) r.get("workload");
        Map<String, Object> in = (Map<String, Object>) r.get("ingest");
        Map<String, Object> half = (Map<String, Object>) r.get("ingestAtHalfRate");
        Map<String, Object> batch = (Map<String, Object>) r.get("batchIngest");
        Map<String, Object> e2e = (Map<String, Object>) r.get("endToEnd");
        Map<String, Object> proj = (Map<String, Object>) r.get("projection");
        Map<String, Object> rep = (Map<String, Object>) r.get("replay");
        System.out.println();
        System.out.printf("Workload: %s units × %s members, %s campaigns, %s records of %d; %s clients; machine %s%n", w.get("units"),
                w.get("membersPerUnit"), w.get("campaigns"), w.get("records"), Workload.YEAR, w.get("clients"), r.get("machine"));
        String row = "| %-46s | %-30s | %-38s | %6s | %-22s |%n";
        System.out.printf(row, "measure", "thidua", "limit, same run", "ratio", "target");
        System.out.printf(row, "-".repeat(46), "-".repeat(30), "-".repeat(38), "-".repeat(6), "-".repeat(22));
        System.out.printf(row, "ingest: POST /api/participations", f("%,.0f records/s", in.get("recordsPerSecond")),
                f("%,.0f rows/s single-row JDBC tx", in.get("limitRowsPerSecond")), pct(in.get("ratio")), "≥ 2,500 records/s");
        System.out.printf(row, "ingest latency at full load", f("p50 %.1f ms, p99 %.1f ms", in.get("p50ms"), in.get("p99ms")),
                f("max %.0f ms, %s failures", in.get("maxMs"), in.get("failures")), "", "");
        System.out.printf(row, f("ingest latency at half rate (%,.0f/s)", half.get("recordsPerSecond")),
                f("p50 %.1f ms, p99 %.1f ms", half.get("p50ms"), half.get("p99ms")), f("max %.0f ms", half.get("maxMs")), "", "p99 < 100 ms");
        System.out.printf(row, f("ingest: POST …/batch, %s per batch", batch.get("batchSize")), f("%,.0f records/s", batch.get("recordsPerSecond")),
                f("%,.0f rows/s JDBC batches of %s", batch.get("limitRowsPerSecond"), batch.get("batchSize")), pct(batch.get("ratio")),
                "≥ 10,000 records/s");
        System.out.printf(row, "batch latency at full load", f("p50 %.1f ms, p99 %.1f ms", batch.get("p50ms"), batch.get("p99ms")), "", "", "");
        Map<String, Object> onKafka = (Map<String, Object>) batch.get("onKafka");
        if (onKafka != null) {
            System.out.printf(row, "batch records on Kafka, each once", f("%,d of %,d once", onKafka.get("once"), onKafka.get("records")),
                    f("%s missing, %s more than once", onKafka.get("missing"), onKafka.get("moreThanOnce")), "", "every record once");
        }
        Map<String, Object> full = (Map<String, Object>) e2e.get("fullLoad");
        Map<String, Object> halfE2e = (Map<String, Object>) e2e.get("halfRate");
        Map<String, Object> reads = (Map<String, Object>) full.get("unitTableReads");
        System.out.printf(row, f("end to end under full load (%s samples)", full.get("samples")),
                f("p50 %,.0f ms, p99 %,.0f ms", full.get("p50ms"), full.get("p99ms")), f("max %,.0f ms", full.get("maxMs")), "", "p99 < 2 s");
        System.out.printf(row, f("end to end at half rate (%s samples)", halfE2e.get("samples")),
                f("p50 %,.0f ms, p99 %,.0f ms", halfE2e.get("p50ms"), halfE2e.get("p99ms")), f("max %,.0f ms", halfE2e.get("maxMs")), "",
                "p99 < 1 s");
        if (reads != null) {
            System.out.printf(row, f("unit table read during ingest (%s reads)", reads.get("samples")),
                    f("p50 %.1f ms, p99 %.1f ms", reads.get("p50ms"), reads.get("p99ms")), f("max %.0f ms", reads.get("maxMs")), "", "p99 < 50 ms");
            Map<String, Object> served = (Map<String, Object>) full.get("unitTableReadsAsServed");
            if (served != null && served.containsKey("p99ms")) {
                System.out.printf(row, f("  as evaluation-service timed them (%s)", served.get("samples")),
                        f("p50 %.1f ms, p99 %.1f ms", served.get("p50ms"), served.get("p99ms")), "its /q/metrics histogram", "", "");
            } else if (served != null && served.containsKey("error")) {
                System.out.printf(row, "  as evaluation-service timed them", String.valueOf(served.get("error")), "", "", "");
            }
        }
        Map<String, Object> security = (Map<String, Object>) r.get("security");
        if (security != null && security.containsKey("share")) {
            Map<String, Object> kinds = (Map<String, Object>) security.get("shareByKind");
            System.out.printf(row, "security: share of participation's CPU", f("%s of %,d JFR samples (token %s, authorization %s, SCRAM %s)",
                            pct1(security.get("share")), ((Number) security.get("samples")).longValue(), pct1(kinds.get("token verification")),
                            pct1(kinds.get("authorization")), pct1(kinds.get("SASL/SCRAM"))),
                    security.containsKey("shareOfStackCpu") ? f("%s of the stack's CPU: ingest ≤ %s faster without", pct1(security.get("shareOfStackCpu")),
                            pct1(security.get("ingestWithoutAtMostFaster"))) : "", "", "within 10%");
        } else if (security != null) {
            System.out.printf(row, "security: share of participation's CPU", String.valueOf(security.get("error")), "", "", "within 10%");
        }
        Map<String, Object> webPages = (Map<String, Object>) r.get("webPages");
        if (webPages != null) {
            for (Map.Entry<String, Object> page : webPages.entrySet()) {
                Map<String, Object> p = (Map<String, Object>) page.getValue();
                System.out.printf(row, f("web page %s (%s renders)", p.get("path"), p.get("renders")),
                        f("p50 %.1f, p95 %.1f, max %.0f ms", p.get("p50ms"), p.get("p95ms"), p.get("maxMs")),
                        f("its %s API call(s) as JSON: p95 %.1f ms", p.get("apiCalls"), p.get("apiP95ms")), pct(p.get("ratio")), "p95 < 200 ms");
            }
        }
        System.out.printf(row, "projection: rebuild from Kafka into tables", f("%,.0f events/s (first run %,.0f)", proj.get("eventsPerSecond"), proj.get("firstRebuildEventsPerSecond")),
                f("consumer %,.0f ev/s; JDBC batch %,.0f rows/s", proj.get("plainConsumerEventsPerSecond"), proj.get("jdbcBatchRowsPerSecond")),
                pct(proj.get("ratio")), "≥ 50% of the limit");
        System.out.printf(row, "  then seeding the score tables (Scorer)", f("%.1f s", proj.get("tablesSeconds")), "", "", "");
        System.out.printf(row, "replay: the audit tool over the whole log", f("%,.0f events/s (%.1f s)", rep.get("eventsPerSecond"), rep.get("seconds")),
                f("plain consumer %,.0f events/s", rep.get("plainConsumerEventsPerSecond")), pct(rep.get("ratio")), "≥ 50%; 600k in < 20 s");
        System.out.printf(row, "peak RSS of each service", String.valueOf(r.get("peakRssMb")).replace("=", " ").replace("-service", "") + " MB", "", "", "");
        cpu((Map<String, Object>) r.get("cpuPerRecord"));
    }

    /** CPU per record by process, a column per ingest phase; the limit: the records per second the machine's cores allow at that cost. */
    @SuppressWarnings("unchecked")
    private static void cpu(Map<String, Object> phases) {
        if (phases == null || phases.isEmpty()) {
            return;
        }
        System.out.println();
        StringBuilder header = new StringBuilder(String.format("| %-40s |", "CPU ms per record, by process"));
        StringBuilder rule = new StringBuilder("| " + "-".repeat(40) + " |");
        for (String phase : phases.keySet()) {
            header.append(String.format(" %16s |", phase));
            rule.append(" ").append("-".repeat(16)).append(" |");
        }
        System.out.println(header);
        System.out.println(rule);
        Map<String, Object> first = (Map<String, Object>) phases.values().iterator().next();
        for (String process : ((Map<String, Object>) first.get("msPerRecord")).keySet()) {
            cpuRow(phases, process, p -> ((Map<String, Object>) p.get("msPerRecord")).get(process), "%.3f");
        }
        cpuRow(phases, "all of the stack", p -> p.get("stackMsPerRecord"), "%.3f");
        cpuRow(phases, "rest of the machine (not the stack)", p -> p.get("restOfMachineMsPerRecord"), "%.3f");
        cpuRow(phases, "records/s the cores allow at this cost", p -> p.get("recordsPerSecondTheCoresAllow"), "%,.0f");
        cpuRow(phases, "records/s measured", p -> ((Number) p.get("records")).doubleValue() / ((Number) p.get("seconds")).doubleValue(), "%,.0f");
        Object missing = first.get("notFound");
        if (missing instanceof java.util.List<?> l && !l.isEmpty()) {
            System.out.println("(not found, so not counted: " + l + ")");
        }
    }

    private static void cpuRow(Map<String, Object> phases, String label, java.util.function.Function<Map<String, Object>, Object> value, String format) {
        StringBuilder line = new StringBuilder(String.format("| %-40s |", label));
        for (Object phase : phases.values()) {
            @SuppressWarnings("unchecked")
            Object v = value.apply((Map<String, Object>) phase);
            line.append(String.format(" %16s |", v == null ? "" : String.format(format, ((Number) v).doubleValue())));
        }
        System.out.println(line);
    }

    private static String f(String format, Object... values) {
        return String.format(format, values);
    }

    private static String pct1(Object share) {
        return String.format("%.1f%%", ((Number) share).doubleValue() * 100);
    }

    private static String pct(Object ratio) {
        return String.format("%.0f%%", ((Number) ratio).doubleValue() * 100);
    }
}
