package vn.thidua.kit.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;

/**
 * Ready only if the broker answers a cluster description within {@link HealthSettings#timeout()}
 * (Quarkus' own Kafka check waits for the admin client's default timeouts: more than 20 s with the
 * broker down). One admin client, kept; it reconnects by itself when the broker is back.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
    private final Admin admin;
    private final BoundedCheck check;
    private final int timeoutMs;

    public KafkaReadiness(KafkaSettings kafka, HealthSettings settings) {
        this.timeoutMs = (int) settings.timeout().toMillis();
        // signed in as the service's own Kafka user (KafkaClients), when the broker wants one
        Map<String, Object> config = new java.util.HashMap<>(KafkaClients.connection(kafka));
        config.putAll(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, timeoutMs));
        this.admin = Admin.create(config);
        this.check = new BoundedCheck("kafka", settings.timeout());
    }

    @Override
    public HealthCheckResponse call() {
        return check.run(() -> {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("no broker in the cluster");
            }
            return nodes.size() + " broker(s)";
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        check.close();
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
