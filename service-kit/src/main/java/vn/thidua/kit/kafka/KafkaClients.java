package vn.thidua.kit.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.thidua.contract.access.KafkaLogin;

/** The Kafka clients of thidua, with the settings the contract relies on. */
public final class KafkaClients {
    private KafkaClients() {
    }

    /**
     * What every client of a service needs to reach the brokers: the bootstrap servers and, when the
     * settings name a user, that user's SASL login ({@link KafkaLogin}).
     */
    public static Map<String, Object> connection(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        settings.username().ifPresent(user -> config.putAll(KafkaLogin.sasl(settings.mechanism(), user, settings.password()
                .orElseThrow(() -> new IllegalStateException("thidua.kafka.username is set but thidua.kafka.password is not")))));
        return config;
    }

    /**
     * A transactional producer that waits for every in-sync replica ({@code acks=all}): {@code transactionalId}
     * is the same on every instance of the service, so that the producer initialised last fences the others.
     */
    public static KafkaProducer<String, byte[]> transactionalProducer(KafkaSettings settings, String transactionalId) {
        Map<String, Object> config = connection(settings);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer in {@code groupId} that commits its offsets itself, after its database transaction. */
    public static KafkaConsumer<String, byte[]> consumer(KafkaSettings settings, String groupId, String clientId, int maxPollRecords) {
        Map<String, Object> config = connection(settings);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // a thidua record is about 1.3 kB with its headers: 512 kB per partition makes a poll of a few thousand span
        // every partition, which are then written in parallel
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 512 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A consumer without a group, to read the committed records of partitions it assigns itself (it commits nothing). */
    public static KafkaConsumer<String, byte[]> reader(KafkaSettings settings, String clientId) {
        Map<String, Object> config = connection(settings);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An admin client whose calls give up after {@code apiTimeoutMs}. */
    public static Admin admin(KafkaSettings settings, int apiTimeoutMs) {
        Map<String, Object> config = connection(settings);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(apiTimeoutMs, 30_000));
        return Admin.create(config);
    }
}
