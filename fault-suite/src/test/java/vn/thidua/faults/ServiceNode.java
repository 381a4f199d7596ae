package vn.thidua.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a thidua service, run from its packaged Quarkus app as a process of its own, that
 * the suite kills ({@code kill -9}) and starts again on the same port.
 */
final class ServiceNode {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final String service;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;

    ServiceNode(String name, String service, Path repo, int port, Map<String, String> env, Path logs) {
        this.name = name;
        this.service = service;
        this.jar = repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = logs.resolve(name + ".log");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(service + " is not packaged (" + jar + " is missing): run the suite through the reactor (-am)");
        }
    }

    void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting (code " + process.exitValue() + "); see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no drain, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    String service() {
        return service;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
