package vn.thidua.kit.axon;

import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
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
    private final KafkaConsumer<String, byte[]> relayReader;
    private final KafkaOutboxRelay relay;
    private final Configuration configuration;
    private Gauge relayLag;

    /**
     * @param name       the service's name; its CloudEvents source is {@code /thidua/<name>}
     * @param configurer from {@link AxonStore#configurer}, with the service's aggregates and handlers
     */
    public EventSourcedService(String name, Configurer configurer, KafkaSettings kafka, DataSource dataSource) {
        this.name = name;
        this.kafka = kafka;
        this.relayReader = KafkaClients.reader(kafka, name + "-relay-tail");
        this.relay = new KafkaOutboxRelay(() -> KafkaClients.transactionalProducer(kafka, relayTransactionalId(name)), relayReader,
                dataSource, name);
        relay.register(configurer.eventProcessing(), kafka.relayBatchSize());
        this.configuration = configurer.buildConfiguration();
        configuration.commandBus().registerDispatchInterceptor(new ActorInterceptor());
    }

    /** The {@code transactional.id} of the service's outbox relay, the same on every instance (deploy/kafka-acls.txt allows it). */
    public static String relayTransactionalId(String serviceName) {
        return serviceName + "-relay";
    }

    public void start() {
        TopicProvisioner.ensureTopics(kafka);
        configuration.start();
        relayLag = Gauge.builder("thidua.relay.lag", this, EventSourcedService::relayLag)
                .description("events stored in the event store that the outbox relay has not passed yet")
                .tag("service", name).strongReference(true).register(Metrics.globalRegistry);
        LOG.infof("%s: event store ready, relaying to Kafka at %s", name, kafka.bootstrapServers());
    }

    public void stop() {
        if (relayLag != null) {
            Metrics.globalRegistry.remove(relayLag);
        }
        configuration.shutdown();
        relay.close();
        relayReader.close(Duration.ofSeconds(10));
    }

    /**
     * The event store's head minus the relay's position (global indexes; internal events count too,
     * the relay passes them without sending), or NaN while no relay instance holds its segment.
     */
    private double relayLag() {
        if (!(relay() instanceof PooledStreamingEventProcessor relay)) {
            return Double.NaN;
        }
        EventTrackerStatus status = relay.processingStatus().get(0);
        if (status == null || status.getCurrentPosition().isEmpty()) {
            return Double.NaN;
        }
        long head = configuration.eventStore().createHeadToken().position().orElse(-1);
        return Math.max(0, head - status.getCurrentPosition().getAsLong());
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
