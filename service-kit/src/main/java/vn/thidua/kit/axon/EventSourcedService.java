package vn.thidua.kit.axon;

import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.jboss.logging.Logger;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.kit.kafka.TopicProvisioner;
import vn.thidua.kit.relay.KafkaOutboxRelay;
import vn.thidua.kit.security.ActorInterceptor;

/**
 * A service's Axon runtime: its configuration plus the outbox relay to Kafka. Start it on Quarkus
 * start-up (after Flyway), stop it on shutdown.
 */
public final class EventSourcedService {
    private static final Logger LOG = Logger.getLogger(EventSourcedService.class);

    private final String name;
    private final KafkaSettings kafka;
    private final KafkaProducer<String, byte[]> producer;
    private final Configuration configuration;

    /**
     * @param name       the service's name; its CloudEvents source is {@code /thidua/<name>}
     * @param configurer from {@link AxonStore#configurer}, with the service's aggregates and handlers
     */
    public EventSourcedService(String name, Configurer configurer, KafkaSettings kafka, DataSource dataSource) {
        this.name = name;
        this.kafka = kafka;
        this.producer = KafkaClients.producer(kafka.bootstrapServers(), name + "-relay");
        KafkaOutboxRelay.register(configurer.eventProcessing(),
                c -> new KafkaOutboxRelay(producer, dataSource, name), kafka.relayBatchSize());
        this.configuration = configurer.buildConfiguration();
        configuration.commandBus().registerDispatchInterceptor(new ActorInterceptor());
    }

    public void start() {
        TopicProvisioner.ensureTopics(kafka);
        configuration.start();
        LOG.infof("%s: event store ready, relaying to Kafka at %s", name, kafka.bootstrapServers());
    }

    public void stop() {
        configuration.shutdown();
        producer.close(Duration.ofSeconds(10));
    }

    public Configuration axon() {
        return configuration;
    }

    /** The outbox relay's processor (to pause and resume it, e.g. in a restart test). */
    public EventProcessor relay() {
        return configuration.eventProcessingConfiguration().eventProcessor(KafkaOutboxRelay.PROCESSOR)
                .orElseThrow(() -> new IllegalStateException("no relay processor"));
    }
}
