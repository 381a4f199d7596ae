package vn.thidua.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU per record by process over one ingest phase: each process's CPU time (utime + stime from
 * {@code /proc}) at the start and at the end, the difference divided by the records of the phase.
 * Beside it, the rest of the machine over the same time (other work on a shared machine shows there)
 * and the rate the machine's cores would allow at this cost per record.
 */
final class CpuPerRecord {
    private final StackProcesses processes;
    private final Map<String, Double> before;
    private final double machineBefore;
    private final long started = System.nanoTime();

    private CpuPerRecord(StackProcesses processes) {
        this.processes = processes;
        this.before = processes.cpuMillis();
        this.machineBefore = StackProcesses.machineBusyMillis();
    }

    static CpuPerRecord start(StackProcesses processes) {
        return new CpuPerRecord(processes);
    }

    /** The figures of the phase, {@code records} records. */
    Map<String, Object> stop(int records) {
        Map<String, Double> after = processes.cpuMillis();
        double machine = StackProcesses.machineBusyMillis() - machineBefore;
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> perRecord = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), e.getValue());
            perRecord.put(e.getKey(), used / records);
            total += used;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", records);
        out.put("seconds", seconds);
        out.put("msPerRecord", perRecord);
        out.put("stackMsPerRecord", total / records);
        out.put("restOfMachineMsPerRecord", Math.max(0, machine - total) / records);
        out.put("cores", cores);
        out.put("recordsPerSecondTheCoresAllow", total > 0 ? cores * 1000.0 / (total / records) : 0);
        out.put("notFound", processes.missing);
        return out;
    }

    /** Files the figures of a phase under {@code cpuPerRecord.<phase>} of the results. */
    @SuppressWarnings("unchecked")
    static void put(Run run, String phase, Map<String, Object> figures) {
        ((Map<String, Object>) run.results.computeIfAbsent("cpuPerRecord", k -> new LinkedHashMap<String, Object>())).put(phase, figures);
    }
}
