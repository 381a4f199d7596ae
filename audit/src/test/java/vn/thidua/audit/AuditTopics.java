package vn.thidua.audit;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import vn.thidua.contract.events.Topic;

/** The audit tests' topics: every thidua topic, two partitions each, under an optional suffix (a tampered copy). */
final class AuditTopics {
    private AuditTopics() {
    }

    static void createAll(String bootstrapServers, String suffix) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<NewTopic> topics = java.util.Arrays.stream(Topic.values()).map(t -> new NewTopic(t.address() + suffix, 2, (short) 1)).toList();
            admin.createTopics(topics).all().get();
        }
    }
}
