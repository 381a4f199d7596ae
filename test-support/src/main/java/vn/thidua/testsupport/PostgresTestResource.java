package vn.thidua.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the JVM's real PostgreSQL for a Quarkus test application.
 * Use with {@code @QuarkusTestResource(PostgresTestResource.class)}; the database name can be set
 * with the init arg {@code database}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "test") + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = RealServers.postgres();
        String url = server.createDatabase(database);
        return Map.of(
                "quarkus.datasource.devservices.enabled", "false",
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // the database goes with the server at JVM exit
    }
}
