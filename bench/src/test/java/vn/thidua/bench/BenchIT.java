package vn.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The short bench run of CI, so that the bench cannot rot: a fresh local stack on ports of its own,
 * a small workload, every section of the table measured. It checks that figures were produced and are
 * consistent, not how fast they are: speed belongs to the printed table, not to a test.
 */
class BenchIT {
    private static final Path REPO = Path.of(System.getProperty("thidua.repo", "..")).toAbsolutePath().normalize();

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    @Test
    void a_short_run_measures_every_section() throws Exception {
        Path data = Files.createTempDirectory("thidua-bench-it");
        Path out = Files.createTempDirectory("thidua-bench-results");
        // ports below Linux's ephemeral range (32768-60999), where an outgoing connection may hold one for a while
        Process stack = new ProcessBuilder("./thidua-local", "--no-build", "--no-sample", "--fresh", "--data-dir", data.toString(),
                "--pg-port", "24432", "--kafka-port", "24092", "--keycloak-port", "24090", "--campaign-port", "24081", "--participation-port", "24082",
                "--evaluation-port", "24083", "--web-port", "24080").directory(REPO.toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
            String line;
            boolean ready = false;
            while (!ready && (line = lines.readLine()) != null && System.nanoTime() < deadline) {
                System.out.println(line);
                ready = line.equals("thidua is ready.");
            }
            assertThat(ready).as("the local stack started").isTrue();
            Thread drain = new Thread(() -> lines.lines().forEach(System.out::println));
            drain.setDaemon(true);
            drain.start();

            Process bench = new ProcessBuilder("./thidua-bench", "--units", "6", "--members", "5", "--campaigns", "2", "--records", "4",
                    "--clients", "4", "--probes", "2", "--renders", "20", "--campaign-url", "http://localhost:24081",
                    "--participation-url", "http://localhost:24082", "--evaluation-url", "http://localhost:24083", "--web-url", "http://localhost:24080",
                    "--bootstrap", "localhost:24092", "--credentials", data.resolve("credentials.json").toString(),
                    "--pg", "jdbc:postgresql://localhost:24432/", "--out", out.toString())
                    .directory(REPO.toFile()).redirectErrorStream(true).start();
            String printed = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(printed);
            assertThat(bench.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(bench.exitValue()).as(printed).isZero();
            assertThat(printed).contains("| ingest: POST /api/participations").contains("| replay: the audit tool");

            Path json;
            try (Stream<Path> files = Files.list(out)) {
                json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            }
            JsonNode r = new ObjectMapper().readTree(json.toFile());
            assertThat(r.path("ingest").path("records").asInt()).isEqualTo(6 * 5 * 4);
            assertThat(r.path("ingest").path("failures").asInt()).isZero();
            assertThat(r.path("batchIngest").path("records").asInt()).isEqualTo(100);
            JsonNode onKafka = r.path("batchIngest").path("onKafka");
            assertThat(onKafka.path("once").asInt()).as("the batches' records on Kafka, each once: " + onKafka).isEqualTo(100);
            assertThat(onKafka.path("missing").asInt() + onKafka.path("moreThanOnce").asInt()).as(onKafka.toString()).isZero();
            for (String section : List.of("ingest", "batchIngest", "projection", "replay")) {
                assertThat(r.path(section).path("ratio").asDouble()).as(section + " ratio").isPositive();
            }
            assertThat(r.path("projection").path("digestsIdentical").asBoolean()).isTrue();
            assertThat(r.path("replay").path("holds").asBoolean()).isTrue();
            for (String phase : List.of("fullLoad", "halfRate")) {
                assertThat(r.path("endToEnd").path(phase).path("samples").asInt()).as(phase + " samples").isPositive();
                assertThat(r.path("endToEnd").path(phase).path("p99ms").asDouble()).as(phase + " p99").isPositive();
            }
            int tableReads = r.path("endToEnd").path("fullLoad").path("unitTableReads").path("samples").asInt();
            assertThat(tableReads).isPositive();
            // the same reads as evaluation-service's own histogram counted them
            JsonNode served = r.path("endToEnd").path("fullLoad").path("unitTableReadsAsServed");
            assertThat(served.path("samples").asInt()).as(served.toString()).isBetween(tableReads - 1, tableReads);
            assertThat(served.path("p99ms").asDouble()).isPositive().isGreaterThanOrEqualTo(served.path("p50ms").asDouble());
            assertThat(printed).contains("|   as evaluation-service timed them");
            assertThat(r.path("peakRssMb").size()).isEqualTo(4);

            // CPU per record by process: every process of the stack found, and the ones that did the work used CPU for it
            for (String phase : List.of("single", "batch")) {
                JsonNode cpu = r.path("cpuPerRecord").path(phase);
                assertThat(cpu.path("notFound").size()).as(phase + ": processes not found " + cpu.path("notFound")).isZero();
                assertThat(iterable(cpu.path("msPerRecord").fieldNames())).containsExactly("campaign-service", "participation-service",
                        "evaluation-service", "web", "Keycloak", "Kafka broker", "PostgreSQL", "bench");
                cpu.path("msPerRecord").forEach(ms -> assertThat(ms.asDouble()).isNotNegative());
                assertThat(cpu.path("msPerRecord").path("participation-service").asDouble()).as(phase + " participation").isPositive();
                assertThat(cpu.path("stackMsPerRecord").asDouble()).isGreaterThanOrEqualTo(cpu.path("msPerRecord").path("PostgreSQL").asDouble());
            }
            assertThat(r.path("cpuPerRecord").path("single").path("msPerRecord").path("PostgreSQL").asDouble()).isPositive();
            assertThat(printed).contains("| CPU ms per record, by process").contains("| participation-service");

            // security's share of participation-service's CPU, from a JFR recording of the single-record ingest
            JsonNode security = r.path("security");
            assertThat(security.path("samples").asLong()).as(security.toString()).isPositive();
            assertThat(security.path("share").asDouble()).isBetween(0.0, 1.0);
            assertThat(security.path("securitySamples").asLong()).isLessThanOrEqualTo(security.path("samples").asLong());
            assertThat(printed).contains("| security: share of participation's CPU");

            // the web pages, signed in through Keycloak's login form, each beside the API calls behind it
            for (String page : List.of("scoreTable", "officerOverview")) {
                JsonNode p = r.path("webPages").path(page);
                assertThat(p.path("renders").asInt()).as(page).isEqualTo(20);
                assertThat(p.path("htmlBytes").asLong()).as(page).isPositive();
                assertThat(p.path("p95ms").asDouble()).as(page).isPositive().isGreaterThanOrEqualTo(p.path("p50ms").asDouble());
                assertThat(p.path("apiP95ms").asDouble()).as(page).isPositive();
            }
            assertThat(printed).contains("| web page /bang-diem?nam=2025").contains("| web page /can-bo?nam=2025");
        } finally {
            stack.descendants().forEach(ProcessHandle::destroy);
            new ProcessBuilder("kill", "-INT", Long.toString(stack.pid())).start().waitFor();
            if (!stack.waitFor(60, TimeUnit.SECONDS)) {
                stack.descendants().forEach(ProcessHandle::destroyForcibly);
                stack.destroyForcibly();
            }
        }
    }
}
