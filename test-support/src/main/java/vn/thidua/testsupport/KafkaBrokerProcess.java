package vn.thidua.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import vn.thidua.contract.access.KafkaLogin;

/**
 * A Kafka broker (KRaft, broker and controller in one) in its own JVM, from the same jars as the
 * tests' in-process broker, keeping its data in a folder across restarts (formatted once).
 *
 * <p>Secured, it is thidua's production set-up: clients sign in with SASL/SCRAM-SHA-512 on the one
 * client listener, {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}, the
 * users and ACLs of {@link KafkaAcls}, and the super user {@code admin}. It runs in its own JVM because
 * Kafka's in-process test kit configures SASL through a JVM-wide JAAS file, which the clients of the
 * test JVM would then pick up.
 */
public final class KafkaBrokerProcess implements KafkaServer {
    private final Process process;
    private final String bootstrap;
    private final Map<String, String> users;

    private KafkaBrokerProcess(Process process, String bootstrap, Map<String, String> users) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.users = users;
    }

    /**
     * Starts the broker on {@code port} (the controller on {@code controllerPort}).
     *
     * @param users Kafka users and their passwords, {@link KafkaAcls#ADMIN} among them: a secured broker;
     *              empty: plaintext, no users, no ACLs
     */
    public static KafkaBrokerProcess start(String java, String classpath, Path dir, int port, int controllerPort, Path log,
                                           Map<String, String> users) throws IOException, InterruptedException {
        boolean secured = !users.isEmpty();
        if (secured && !users.containsKey(KafkaAcls.ADMIN)) {
            throw new IllegalArgumentException("a secured broker needs the user " + KafkaAcls.ADMIN);
        }
        Files.createDirectories(dir.resolve("data"));
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER",
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
                "log.retention.hours=-1"));
        if (secured) {
            String admin = users.get(KafkaAcls.ADMIN);
            // the controller listener: a static PLAIN user known only to this file, new at every start
            String controller = Uuid.randomUuid().toString();
            lines.addAll(List.of(
                    "listeners=SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=SASL_PLAINTEXT://localhost:" + port,
                    "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                    "inter.broker.listener.name=SASL_PLAINTEXT",
                    "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + KafkaLogin.SCRAM_SHA_512,
                    "sasl.mechanism.inter.broker.protocol=" + KafkaLogin.SCRAM_SHA_512,
                    "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
                            + " username=\"admin\" password=\"" + admin + "\";",
                    "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                    "sasl.mechanism.controller.protocol=PLAIN",
                    "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                            + " username=\"controller\" password=\"" + controller + "\" user_controller=\"" + controller + "\";",
                    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "super.users=User:" + KafkaAcls.ADMIN + ";User:controller",
                    "allow.everyone.if.no.acl.found=false"));
        } else {
            lines.addAll(List.of(
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
        }
        Path properties = dir.resolve("server.properties");
        Files.deleteIfExists(properties);
        Files.createFile(properties, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(properties, String.join("\n", lines) + "\n");

        // the admin's SCRAM credential exists only if the storage was formatted secured (earlier thidua versions did not)
        Path securedMarker = dir.resolve("formatted-with-users");
        boolean formatted = Files.exists(dir.resolve("data").resolve("meta.properties"));
        if (formatted && secured && !Files.exists(securedMarker)) {
            throw new IllegalStateException("the Kafka data in " + dir + " was made without users (by an earlier thidua): start once with --fresh");
        }
        if (!formatted) {
            Path idFile = dir.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid().toString());
            }
            List<String> format = new ArrayList<>(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "--cluster-id", Files.readString(idFile).strip(), "--config", properties.toString()));
            if (secured) {
                // the admin exists from the start (the broker signs in to itself with it); the others are added by the admin
                format.addAll(List.of("--add-scram", KafkaLogin.SCRAM_SHA_512 + "=[name=" + KafkaAcls.ADMIN + ",password=" + users.get(KafkaAcls.ADMIN) + "]"));
            }
            // the tool prints the salted credentials: kept out of the user's log
            Process p = new ProcessBuilder(format).redirectErrorStream(true).redirectOutput(dir.resolve("format.out").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage could not be formatted in " + dir + "; see " + dir.resolve("format.out"));
            }
            if (secured) {
                Files.writeString(securedMarker, "SCRAM users and ACLs\n");
            }
        }
        Process process = new ProcessBuilder(java, "-Xmx768m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath,
                "kafka.Kafka", properties.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, "localhost:" + port, Map.copyOf(users));
        try {
            broker.awaitReady(Duration.ofSeconds(90), log);
            if (secured) {
                broker.grant();
            }
        } catch (RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** A secured broker for a test, in a temporary folder on free ports, with {@code users} (the admin among them). */
    public static KafkaBrokerProcess forTests(Map<String, String> users) {
        try {
            Path dir = Files.createTempDirectory("thidua-kafka");
            String java = ProcessHandle.current().info().command().orElse("java");
            int port = Ports.free();
            int controllerPort = Ports.free();
            return start(java, System.getProperty("java.class.path"), dir, port, controllerPort, dir.resolve("kafka.log"), users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As the admin: every user's SCRAM credential (created or replaced) and every ACL of {@link KafkaAcls}. */
    private void grant() {
        try (Admin admin = Admin.create(clientConfig(KafkaAcls.ADMIN))) {
            List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = new ArrayList<>();
            users.forEach((user, password) -> {
                if (!user.equals(KafkaAcls.ADMIN)) {
                    upserts.add(new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
                }
            });
            if (!upserts.isEmpty()) {
                admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            }
            admin.createAcls(KafkaAcls.bindings()).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka users and ACLs could not be set: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new HashMap<>(users.isEmpty() ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)
                : clientConfig(KafkaAcls.ADMIN));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    admin.listTopics().names().get(3, TimeUnit.SECONDS);
                    return;
                }
            } catch (Exception e) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The client settings that sign in as {@code user} (one of this broker's users). */
    public Map<String, Object> clientConfig(String user) {
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("not a user of this broker: " + user);
        }
        Map<String, Object> config = new LinkedHashMap<>(KafkaLogin.sasl(KafkaLogin.SCRAM_SHA_512, user, password));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    public boolean secured() {
        return !users.isEmpty();
    }

    @Override
    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public String description() {
        return (secured() ? "Kafka broker (SASL/SCRAM, ACLs)" : "Kafka broker") + " in its own JVM at " + bootstrap;
    }

    public List<ProcessHandle> processes() {
        return List.of(process.toHandle());
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
