package vn.thidua.kit.axon;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configurer;
import vn.thidua.kit.kafka.KafkaSettings;

/**
 * A service's Axon runtime inside Quarkus: built from the service's configurer, started on start-up
 * (after Flyway has made the tables), stopped on shutdown. Each service subclasses it as a
 * {@code @Singleton} and produces its {@link CommandGateway} (CDI does not inherit producer methods).
 */
public abstract class AxonLifecycle {
    private final EventSourcedService service;

    protected AxonLifecycle(String name, Configurer configurer, KafkaSettings kafka, DataSource dataSource) {
        this.service = new EventSourcedService(name, configurer, kafka, dataSource);
    }

    protected void onStart(@Observes StartupEvent event) {
        service.start();
    }

    protected void onStop(@Observes ShutdownEvent event) {
        service.stop();
    }

    /** The command gateway, for the subclass's producer method. */
    protected CommandGateway gateway() {
        return service.axon().commandGateway();
    }

    public EventSourcedService service() {
        return service;
    }
}
