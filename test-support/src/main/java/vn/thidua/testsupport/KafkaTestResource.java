package vn.thidua.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real Kafka broker for a Quarkus test application, started with it and stopped after it.
 * Use with {@code @QuarkusTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private KafkaServer kafka;

    @Override
    public Map<String, String> start() {
        kafka = RealServers.newKafka();
        return Map.of(
                "quarkus.kafka.devservices.enabled", "false",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
