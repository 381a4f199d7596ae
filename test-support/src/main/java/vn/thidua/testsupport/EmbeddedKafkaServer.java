package vn.thidua.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in this JVM: one combined KRaft broker and controller from Kafka's own
 * test kit, listening on loopback. Its directories are deleted on close: for tests only.
 */
public final class EmbeddedKafkaServer implements KafkaServer {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaServer(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafkaServer start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    // one broker: internal topics must not wait for replicas that will never exist
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // services create their topics themselves, with the contract's settings
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaServer(cluster);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("embedded Kafka did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the broker and keeps its controller, directories and port (they are pre-bound): for a test
     * of what clients do while the broker is down; {@link #startBroker()} brings it back on the same port.
     */
    public void stopBroker() {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same port. */
    public void startBroker() {
        cluster.brokers().values().forEach(broker -> broker.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("embedded Kafka did not start again: " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String description() {
        return "embedded Kafka (KRaft) at " + bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not stop cleanly", e);
        }
    }
}
