package vn.thidua.kit.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the brokers answer this service's Kafka user. Replaces Quarkus's own Kafka check
 * ({@code quarkus.kafka.health.enabled=false}), which knows only the {@code kafka.*} properties and
 * not the service's credentials in {@link KafkaSettings}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
    /** The name Quarkus's own check had, kept for whoever reads /q/health. */
    static final String NAME = "Kafka connection health check";
    private final Admin admin;

    public KafkaReadiness(KafkaSettings settings) {
        this.admin = KafkaClients.admin(settings, 5_000);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return HealthCheckResponse.up(NAME);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.down(NAME);
        } catch (Exception e) {
            return HealthCheckResponse.down(NAME);
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
