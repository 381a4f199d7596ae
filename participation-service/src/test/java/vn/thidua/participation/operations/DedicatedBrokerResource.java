package vn.thidua.participation.operations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import vn.thidua.testsupport.KafkaServer;
import vn.thidua.testsupport.RealServers;

/**
 * A broker of its own for a test that stops it: the service's clients (relay, consumer, readiness)
 * use it through {@code thidua.kafka.bootstrap-servers}; the test receives it in its field
 * {@code broker} ({@link AutoCloseable}) to stop it.
 */
public class DedicatedBrokerResource implements QuarkusTestResourceLifecycleManager {
    private KafkaServer kafka;
    private volatile boolean closed;

    @Override
    public Map<String, String> start() {
        kafka = RealServers.newKafka();
        return Map.of("thidua.kafka.bootstrap-servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        AutoCloseable stop = this::stopBroker;
        injector.injectIntoFields(stop, f -> f.getName().equals("broker") && f.getType() == AutoCloseable.class);
    }

    private synchronized void stopBroker() {
        if (!closed) {
            closed = true;
            kafka.close();
        }
    }

    @Override
    public void stop() {
        stopBroker();
    }
}
