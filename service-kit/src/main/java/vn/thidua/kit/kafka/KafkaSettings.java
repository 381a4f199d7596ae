package vn.thidua.kit.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How a thidua service uses Kafka. */
@ConfigMapping(prefix = "thidua.kafka")
public interface KafkaSettings {

    /** The brokers, e.g. {@code localhost:9092}. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

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
