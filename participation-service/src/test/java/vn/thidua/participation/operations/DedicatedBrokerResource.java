package vn.thidua.participation.operations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import vn.thidua.testsupport.EmbeddedKafkaServer;

/**
 * A broker of its own (embedded, whatever {@code thidua.servers} says: it is stopped and started
 * again on the same port) for a test: the service's clients (relay, consumer, readiness) use it
 * through {@code thidua.kafka.bootstrap-servers}; the test receives its {@link Runnable} fields
 * {@code stopBroker} and {@code startBroker}.
 */
public class DedicatedBrokerResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedKafkaServer kafka;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafkaServer.start();
        return Map.of("thidua.kafka.bootstrap-servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        Runnable stop = kafka::stopBroker;
        Runnable start = kafka::startBroker;
        injector.injectIntoFields(stop, f -> f.getName().equals("stopBroker") && f.getType() == Runnable.class);
        injector.injectIntoFields(start, f -> f.getName().equals("startBroker") && f.getType() == Runnable.class);
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
