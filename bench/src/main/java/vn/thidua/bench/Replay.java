package vn.thidua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.events.Topic;

/** The audit tool as an auditor runs it ({@code ./thidua-audit}, its own JVM), timed from launch to exit, beside a plain consumer of every topic. */
final class Replay {
    private Replay() {
    }

    static void run(Run run) throws Exception {
        Run.say("replay: the audit tool over the whole log");
        Path report = Files.createTempFile("thidua-audit-", ".json");
        try {
            long started = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(Path.of("thidua-audit").toAbsolutePath().toString(), "--bootstrap", run.o.bootstrap,
                    "--json", report.toString()));
            if (run.o.credentials != null) {
                command.addAll(List.of("--credentials", run.o.credentials.toString()));
            }
            Process audit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = audit.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (exit == 2 || Files.size(report) == 0) {
                throw new IllegalStateException("the audit tool could not run (exit " + exit + "); try ./thidua-audit --bootstrap " + run.o.bootstrap);
            }
            JsonNode r = run.http.json.readTree(report.toFile());
            long events = r.path("eventsRead").asLong();
            double rate = events / seconds;
            double consumer = new Limits(run).plainConsumer(Arrays.stream(Topic.values()).map(Topic::address).toList());
            run.results.put("replay", Map.of("events", events, "seconds", seconds, "eventsPerSecond", rate, "holds", r.path("holds").asBoolean(),
                    "exit", exit, "plainConsumerEventsPerSecond", consumer, "ratio", rate / consumer));
        } finally {
            Files.deleteIfExists(report);
        }
    }
}
