package vn.thidua.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL 17 from zonky's embedded binaries, as a real server process on loopback.
 * Tests run it with {@code fsync} and {@code synchronous_commit} off (fast, throw-away);
 * anything holding data a user cares about, or measured by a benchmark, runs it {@link #durable}.
 */
public final class EmbeddedPostgresServer implements PostgresServer {
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final boolean durable;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean durable) {
        this.postgres = postgres;
        this.durable = durable;
    }

    /**
     * A throw-away server on a free port: fsync and synchronous_commit off; {@code pg_stat_statements}
     * loaded, for tests that count the statements of a path (a test creates the extension in its database).
     */
    public static EmbeddedPostgresServer forTests() {
        return start(EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements"), false);
    }

    /**
     * A server that keeps its data in {@code dataDirectory} across restarts, on {@code port}
     * (0 for any), with fsync and synchronous_commit on. Stopped only by {@link #close()}: no shutdown
     * hook of its own, so that its owner can stop it last (after the services that use it).
     */
    public static EmbeddedPostgresServer durable(Path dataDirectory, int port) {
        return durable(dataDirectory, port, false);
    }

    /** {@link #durable(Path, int)}, with {@code pg_stat_statements} loaded when {@code statementStats} (to measure what a run costs). */
    public static EmbeddedPostgresServer durable(Path dataDirectory, int port, boolean statementStats) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (statementStats) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return start(builder, true);
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder, boolean durable) {
        try {
            EmbeddedPostgres pg = builder
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            return new EmbeddedPostgresServer(pg, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String createDatabase(String database) {
        Databases.createIfMissing(jdbcUrl("postgres"), USER, "", database);
        return jdbcUrl(database);
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on port " + postgres.getPort() + (durable ? " (durable: fsync on)" : " (tests: fsync off)");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
