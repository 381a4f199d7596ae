package vn.thidua.kit.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a readiness check may take before it reports its dependency DOWN. */
@ConfigMapping(prefix = "thidua.health")
public interface HealthSettings {

    /** The bound of each check (PostgreSQL, Kafka); readiness answers within about this, whatever the network does. */
    @WithDefault("1500ms")
    Duration timeout();
}
