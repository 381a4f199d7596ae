package vn.thidua.testsupport;

/** A running Kafka broker (KRaft). */
public interface KafkaServer extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients. */
    String bootstrapServers();

    /** What kind of broker this is, for logs: embedded or container. */
    String description();

    @Override
    void close();
}
