package vn.thidua.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker (KRaft, broker and controller in one) in its own JVM, from the same jars as the
 * tests' embedded broker, keeping its data in a folder across restarts. Formatted once.
 */
final class KafkaBroker implements AutoCloseable {
    private final Process process;
    private final String bootstrap;

    private KafkaBroker(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    static KafkaBroker start(String java, String classpath, Path dir, int port, int controllerPort, Path log) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1",
                ""));
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            Path idFile = dir.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid().toString());
            }
            Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "--cluster-id", Files.readString(idFile).strip(), "--config", properties.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new StackException("Kafka storage could not be formatted in " + dir + "; see " + log);
            }
        }
        Process process = new ProcessBuilder(java, "-Xmx768m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath,
                "kafka.Kafka", properties.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        KafkaBroker broker = new KafkaBroker(process, "localhost:" + port);
        broker.awaitReady(Duration.ofSeconds(90), log);
        return broker;
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException("the Kafka broker stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    admin.listTopics().names().get(3, TimeUnit.SECONDS);
                    return;
                }
            } catch (Exception e) {
                Thread.sleep(300);
            }
        }
        throw new StackException("the Kafka broker did not answer within " + timeout.toSeconds() + " s; see " + log);
    }

    String bootstrap() {
        return bootstrap;
    }

    List<ProcessHandle> processes() {
        return List.of(process.toHandle());
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
