package vn.thidua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The peak resident memory (VmHWM) of each service and of the web pages, at the end of the run. */
final class Memory {
    private static final List<String> MEASURED = List.of("campaign-service", "participation-service", "evaluation-service", "web");

    private Memory() {
    }

    static void run(Run run, StackProcesses processes) {
        Map<String, Object> rss = new LinkedHashMap<>();
        for (String name : MEASURED) {
            processes.pid(name).ifPresent(pid -> rss.put(name, peakRssMb(pid)));
        }
        run.results.put("peakRssMb", rss);
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
}
