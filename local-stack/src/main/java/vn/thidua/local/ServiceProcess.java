package vn.thidua.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One thidua service (or the web pages), run from its packaged Quarkus app as a separate process.
 * On SIGTERM it drains (Quarkus' graceful shutdown): it stops taking requests, finishes those in
 * flight for up to {@link #DRAIN}, and its relay and consumers stop with their work committed.
 */
final class ServiceProcess implements AutoCloseable, Child {
    /** How long a stopping service waits for its requests in flight ({@code quarkus.shutdown.timeout}). */
    static final Duration DRAIN = Duration.ofSeconds(5);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String java, Path repo, String name, String host, int port, String heap, Map<String, String> env, Path log) throws IOException {
        return start(java, repo, name, name, host, port, heap, env, log);
    }

    /** Instance {@code name} of the Maven module {@code module} (the same as the name but for a second instance). */
    static ServiceProcess start(String java, Path repo, String module, String name, String host, int port, String heap, Map<String, String> env,
                                Path log) throws IOException {
        Path jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StackException(module + " is not built (" + jar + " is missing): run ./thidua-local without --no-build, or ./mvnw package -DskipTests");
        }
        // the parallel collector: the serial one stopped evaluation-service 39 ms per young collection on average (972 in a
        // full bench run, its reads' p99 70 ms), with as little overhead on 2 cores (DECISIONS 54)
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(heapOptions(module, heap));
        command.addAll(List.of("-XX:+UseParallelGC", "-Dfile.encoding=UTF-8",
                "-Dquarkus.http.host=" + host, "-Dquarkus.http.port=" + port,
                "-Dquarkus.shutdown.timeout=" + DRAIN.toSeconds() + "s", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, log, builder.start());
    }

    /**
     * The heap's options. evaluation-service answers the score reads that must stay fast while records
     * arrive: its heap is whole from the start and half of it young. Left to grow from 1/64 of the
     * machine's memory, it stayed near 500 MB in a full bench run and its young generation was
     * collected every 4–5 s, each a stop of 30 ms or more on saturated cores (DECISIONS 55). The other
     * services grow theirs as they need (the same options on all of them cost 0.9 GB more peak memory).
     */
    static List<String> heapOptions(String module, String heap) {
        return module.equals("evaluation-service") ? List.of("-Xms" + heap, "-Xmx" + heap, "-XX:NewRatio=1") : List.of("-Xmx" + heap);
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(name + " stopped while starting (exit " + process.exitValue() + "); see " + log
                        + "\n            " + Processes.tail(log, 8));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new StackException(name + " was not healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        awaitHealthy(timeout);
    }

    @Override
    public void stop(Duration grace) {
        Processes.stop(process, grace);
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }
}
