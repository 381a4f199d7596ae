package vn.thidua.participation.operations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import vn.thidua.testsupport.EmbeddedPostgresServer;

/**
 * A PostgreSQL of its own for a test (embedded, whatever {@code thidua.servers} says: it is stopped and
 * started again on the same port with the same data): the service's datasource uses it instead of the
 * module's shared server (this resource starts after the module's, {@link #order()}, so its settings
 * win); the test receives its {@link Runnable} fields {@code stopPostgres} and {@code startPostgres}.
 */
public class DedicatedPostgresResource implements QuarkusTestResourceLifecycleManager {
    private Path data;
    private int port;
    private volatile EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("readiness-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = EmbeddedPostgresServer.durable(data.resolve("data"), 0);
        port = postgres.port();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.createDatabase("participation"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void inject(TestInjector injector) {
        Runnable stop = () -> postgres.close();
        Runnable start = () -> postgres = EmbeddedPostgresServer.durable(data.resolve("data"), port);
        injector.injectIntoFields(stop, f -> f.getName().equals("stopPostgres") && f.getType() == Runnable.class);
        injector.injectIntoFields(start, f -> f.getName().equals("startPostgres") && f.getType() == Runnable.class);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
