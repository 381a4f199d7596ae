package vn.thidua.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.Topic;

/**
 * Creates the thidua topics that do not exist yet, with retention forever: the log is the
 * auditors' record. Every service provisions every topic, so that no start order is required; on a
 * secured broker a service may create none, and the Kafka admin creates them before the services start.
 */
public final class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    public static void ensureTopics(KafkaSettings settings) {
        try (Admin admin = KafkaClients.admin(settings, 60_000)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                if (!existing.contains(topic.address())) {
                    missing.add(new NewTopic(topic.address(), settings.partitions(), settings.replicationFactor())
                            .configs(Map.of(
                                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                                    TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")));
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
                    LOG.infof("created topic %s (%d partitions, retention forever)", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        // a secured broker: the Kafka admin creates the topics (the local stack and docker-compose do)
                        LOG.infof("topic %s is not visible to this service's Kafka user, which may not create it: left to the Kafka admin", topic.name());
                    } else if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach Kafka at " + settings.bootstrapServers()
                    + " to create the thidua topics within " + Duration.ofSeconds(60) + ": " + e.getMessage(), e);
        }
    }
}
