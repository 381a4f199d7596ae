package vn.thidua.kit.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only if PostgreSQL validates a connection within {@link HealthSettings#timeout()} (the pool's
 * own check waits for its acquisition timeout).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private final DataSource dataSource;
    private final BoundedCheck check;
    private final int timeoutSeconds;

    public DatabaseReadiness(DataSource dataSource, HealthSettings settings) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, settings.timeout().toSeconds());
        this.check = new BoundedCheck("postgresql", settings.timeout());
    }

    @Override
    public HealthCheckResponse call() {
        return check.run(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!c.isValid(timeoutSeconds)) {
                    throw new IllegalStateException("the connection did not validate");
                }
                return "connection valid";
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        check.close();
    }
}
