package vn.thidua.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak, the OpenID Connect provider, from the Maven artifact unpacked under
 * {@code local-stack/target/keycloak}: built once for PostgreSQL ({@code kc.sh build}, skipped when
 * already built so), then started optimized on 127.0.0.1 in its own process group, its data in the
 * stack's PostgreSQL (database {@code keycloak}), so durable with the data folder.
 */
final class KeycloakServer implements AutoCloseable {
    /** The build options; a home built with others is built again. */
    private static final List<String> BUILD = List.of("--db=postgres", "--health-enabled=true");

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The unpacked distribution of a checkout (the version is local-stack's pom's {@code keycloak.version}). */
    static Path home(Path repo) throws IOException {
        Path unpacked = repo.resolve("local-stack/target/keycloak").toAbsolutePath();
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                java.util.Optional<Path> home = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst();
                if (home.isPresent()) {
                    return home.get();
                }
            }
        }
        return unpacked.resolve("keycloak-");
    }

    static KeycloakServer start(Path home, Path adminPasswordFile, String dbUrl, String dbUser, int port, int managementPort, Path log)
            throws IOException, InterruptedException {
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            throw new StackException("Keycloak is not unpacked (" + home + " is missing): run ./thidua-local without --no-build");
        }
        build(home, log);
        ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=" + url(port), "--db-url=" + dbUrl, "--db-username=" + dbUser, "--log=console")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the master realm's administrator, created on the first start only
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(adminPasswordFile));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        KeycloakServer keycloak = new KeycloakServer(builder.start(), port, log);
        try {
            keycloak.awaitReady(managementPort, Duration.ofSeconds(240));
        } catch (RuntimeException | InterruptedException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** {@code kc.sh build} unless this home is already built with {@link #BUILD}; one build at a time per home. */
    private static void build(Path home, Path log) throws IOException, InterruptedException {
        Path marker = home.resolve(".thidua-built");
        String wanted = String.join(" ", BUILD);
        try (RandomAccessFile lockFile = new RandomAccessFile(home.resolve(".thidua-build.lock").toFile(), "rw");
             FileLock lock = lockFile.getChannel().lock()) {
            if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            Console.step("building " + home.getFileName() + " for PostgreSQL (once per checkout, about half a minute)");
            List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new StackException("kc.sh build failed; see " + log);
            }
            Files.writeString(marker, wanted);
        }
    }

    private static String adminPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Accounts.password());
        }
        return Files.readString(file).strip();
    }

    private void awaitReady(int managementPort, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException("Keycloak stopped while starting (exit " + process.exitValue() + "); see " + log
                        + "\n            " + Processes.tail(log, 8));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new StackException("Keycloak was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Creates the realm through the admin API unless it exists (it is kept in the database between runs). */
    boolean ensureRealm(Path adminPasswordFile, String realmJson) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(Files.readString(adminPasswordFile).strip(), StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new StackException("Keycloak's administrator could not sign in (HTTP " + token.statusCode() + "); start with --fresh if "
                    + adminPasswordFile + " was lost");
        }
        String bearer = "Bearer " + new com.fasterxml.jackson.databind.ObjectMapper().readTree(token.body()).path("access_token").asText();
        int exists = http.send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + Accounts.REALM)).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (exists == 200) {
            return false;
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms")).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(realmJson, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new StackException("Keycloak refused the realm " + Accounts.REALM + " (HTTP " + created.statusCode() + "): " + created.body());
        }
        return true;
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    String url() {
        return url(port);
    }

    String issuer() {
        return url() + "/realms/" + Accounts.REALM;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** SIGTERM to its process group (kc.sh and its JVM), up to {@code grace} to exit, then for good. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        signalGroup("-TERM");
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                signalGroup("-KILL");
                process.waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<ProcessHandle> left = process.descendants()) {
                left.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            signalGroup("-KILL");
            Thread.currentThread().interrupt();
        }
    }

    private void signalGroup(String signal) {
        try {
            new ProcessBuilder("kill", signal, "--", "-" + process.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
