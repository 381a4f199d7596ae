package vn.thidua.kit.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** How a thidua service uses Kafka. */
@ConfigMapping(prefix = "thidua.kafka")
public interface KafkaSettings {

    /** The brokers, e.g. {@code localhost:9092}. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** The service's Kafka user (SASL over plaintext); without one the clients connect unauthenticated (PLAINTEXT). */
    Optional<String> username();

    /** That user's password; required with {@link #username()}. */
    Optional<String> password();

    /** The SASL mechanism of {@link #username()}. */
    @WithDefault("SCRAM-SHA-512")
    String mechanism();

    /** Partitions of each thidua topic when this service creates it (existing topics are left as they are). */
    @WithDefault("3")
    int partitions();

    /** Replication factor of each thidua topic when this service creates it. */
    @WithName("replication-factor")
    @WithDefault("1")
    short replicationFactor();

    /** Events the outbox relay sends per transaction. */
    @WithName("relay-batch-size")
    @WithDefault("200")
    int relayBatchSize();
}
