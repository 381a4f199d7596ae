package vn.thidua.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The real PostgreSQL and Kafka of this JVM, started on first use and stopped at exit.
 * One switch picks where they come from: system property {@code thidua.servers} or environment
 * variable {@code THIDUA_SERVERS}: {@code auto} (default: containers when a Docker engine answers,
 * else embedded), {@code embedded} or {@code containers}. Same tests either way.
 */
public final class RealServers {
    private static final Logger LOG = Logger.getLogger(RealServers.class);

    /** Where the servers come from. */
    public enum Mode {
        EMBEDDED, CONTAINERS
    }

    private static Mode mode;
    private static PostgresServer postgres;

    private RealServers() {
    }

    public static synchronized Mode mode() {
        if (mode == null) {
            String wanted = System.getProperty("thidua.servers", System.getenv().getOrDefault("THIDUA_SERVERS", "auto"))
                    .toLowerCase(Locale.ROOT);
            mode = switch (wanted) {
                case "embedded" -> Mode.EMBEDDED;
                case "containers" -> Mode.CONTAINERS;
                case "auto" -> dockerEngineLikely() && ContainerServers.dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
                default -> throw new IllegalArgumentException("thidua.servers must be auto, embedded or containers, not " + wanted);
            };
            LOG.infof("real test servers: %s", mode);
        }
        return mode;
    }

    /** The JVM's PostgreSQL server, started on first use. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = mode() == Mode.CONTAINERS ? ContainerServers.postgres() : EmbeddedPostgresServer.forTests();
            LOG.infof("started %s", postgres.description());
            PostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop"));
        }
        return postgres;
    }

    /** A new Kafka broker; the caller closes it. */
    public static KafkaServer newKafka() {
        KafkaServer kafka = mode() == Mode.CONTAINERS ? ContainerServers.kafka() : EmbeddedKafkaServer.start();
        LOG.infof("started %s", kafka.description());
        return kafka;
    }

    /** Avoids loading the Docker client at all where no engine can be there (our CI). */
    private static boolean dockerEngineLikely() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }
}
