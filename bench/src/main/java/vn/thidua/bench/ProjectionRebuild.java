package vn.thidua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.events.Topic;

/**
 * evaluation-service rebuilding its read model from the topics, twice: the first rebuild since the service
 * started also pays for compiling its code (JIT); the second is the steady state, the figure compared with
 * the limit (the lower of a plain consumer of the same topics and JDBC batch inserts of as many rows). Both are reported.
 */
final class ProjectionRebuild {
    private ProjectionRebuild() {
    }

    static void run(Run run, int rows) throws Exception {
        Run.say("projection: evaluation-service rebuilds its read model from the topics (twice)");
        settled(run);
        JsonNode first = rebuild(run);
        JsonNode rebuilt = rebuild(run);
        double firstRate = first.path("eventsRead").asLong() / first.path("readSeconds").asDouble();
        double rate = rebuilt.path("eventsRead").asLong() / rebuilt.path("readSeconds").asDouble();
        Limits limits = new Limits(run);
        Run.say("limit: a plain Kafka consumer reading the same topics");
        double consumerRate = limits.plainConsumer(List.of(Topic.CAMPAIGN.address(), Topic.ROSTER.address(), Topic.PARTICIPATION.address(),
                Topic.APPRAISAL.address()));
        Run.say("limit: the same rows as JDBC batch inserts");
        double jdbcRate = limits.jdbcBatchInserts(rows);
        double limit = Math.min(consumerRate, jdbcRate);
        run.results.put("projection", Map.of("events", rebuilt.path("eventsRead").asLong(), "readSeconds", rebuilt.path("readSeconds").asDouble(),
                "eventsPerSecond", rate, "tablesSeconds", rebuilt.path("seedSeconds").asDouble(),
                "digestsIdentical", first.path("identical").asBoolean() && rebuilt.path("identical").asBoolean(),
                "firstRebuildEventsPerSecond", firstRate, "plainConsumerEventsPerSecond", consumerRate,
                "jdbcBatchRowsPerSecond", jdbcRate, "ratio", rate / limit));
        run.results.put("plainConsumerEventsPerSecond", consumerRate);
    }

    /**
     * Waits until the year's counted records hold still (the relay has published, and evaluation-service
     * applied, every record answered so far), so that each rebuild reads the log its "before" tables
     * were made of.
     */
    private static void settled(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long counted = run.http.ok("GET", run.o.evaluationUrl + "/api/appraisals/" + Workload.YEAR, null, null).path("counts")
                    .path("countedRecords").asLong();
            if (counted == last) {
                return;
            }
            last = counted;
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("evaluation-service's count of " + Workload.YEAR + " did not settle within 10 minutes");
    }

    private static JsonNode rebuild(Run run) throws Exception {
        HttpResponse<String> r = run.http.send("POST", run.o.evaluationUrl + "/api/projection/rebuild", null, null, Duration.ofMinutes(60));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + r.statusCode() + ": " + r.body());
        }
        return run.http.json.readTree(r.body());
    }
}
