package vn.thidua.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.access.KafkaLogin;
import vn.thidua.contract.events.Topic;

/**
 * The secured broker with thidua's users and ACLs (deploy/kafka-acls.txt): each service writes only
 * its own topics, dept-system reads notifications but may not produce, the auditor reads with its
 * groups only, and a client without a user or with a wrong password does not get in.
 */
class SecuredKafkaTest {
    private static KafkaBrokerProcess kafka;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(KafkaAcls.ADMIN, UUID.randomUUID().toString());
        KafkaAcls.users().forEach(u -> users.put(u, UUID.randomUUID().toString()));
        kafka = KafkaBrokerProcess.forTests(users);
        try (Admin admin = Admin.create(kafka.clientConfig(KafkaAcls.ADMIN))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic t : Topic.values()) {
                topics.add(new NewTopic(t.address(), 1, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static void send(String user, Topic topic, String value) throws Exception {
        try (KafkaProducer<String, String> p = producer(kafka.clientConfig(user))) {
            p.send(new ProducerRecord<>(topic.address(), "VP", value)).get(15, TimeUnit.SECONDS);
        }
    }

    private static List<String> read(String user, Topic topic, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic.address()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    values.add(r.value());
                }
            }
            c.commitSync();
        }
        return values;
    }

    @Test
    void each_service_writes_its_own_topics_and_not_anothers() throws Exception {
        send("campaign-service", Topic.NOTIFICATION, "Văn phòng Sở được thông báo");
        send("participation-service", Topic.PARTICIPATION, "ghi nhận");
        send("evaluation-service", Topic.APPRAISAL, "khóa sổ");
        assertThatThrownBy(() -> send("participation-service", Topic.APPRAISAL, "giả mạo"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> send("campaign-service", Topic.PARTICIPATION, "giả mạo"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> send("evaluation-service", Topic.CAMPAIGN, "giả mạo"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
    }

    /** As the outbox relay sends: in a Kafka transaction under {@code transactionalId}. */
    private static void sendInTransaction(String user, String transactionalId, Topic topic, String value) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<String, String> p = producer(config)) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic.address(), "VP", value));
            p.commitTransaction();
        }
    }

    @Test
    void each_service_sends_in_transactions_under_its_own_relay_id_only() {
        sendInTransaction("participation-service", "participation-service-relay", Topic.PARTICIPATION, "ghi nhận");
        sendInTransaction("evaluation-service", "evaluation-service-relay", Topic.AWARD, "quyết định");
        assertThatThrownBy(() -> sendInTransaction("participation-service", "evaluation-service-relay", Topic.PARTICIPATION, "giả mạo"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> sendInTransaction("dept-system", "dept-system-relay", Topic.NOTIFICATION, "giả mạo"))
                .isInstanceOf(AuthorizationException.class);
    }

    /** As the outbox relay reads what is on its topics after its saved heads: partitions assigned, no group. */
    private static List<String> readAssigned(String user, Topic topic) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user));
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic.address()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.endOffsets(partitions);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    @Test
    void each_service_reads_its_own_topics_without_a_group_and_not_anothers() throws Exception {
        send("participation-service", Topic.ROSTER, "thành viên");
        assertThat(readAssigned("participation-service", Topic.ROSTER)).isNotEmpty();
        send("evaluation-service", Topic.APPRAISAL, "khóa sổ");
        assertThatThrownBy(() -> readAssigned("campaign-service", Topic.APPRAISAL)).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void dept_system_reads_notifications_with_its_groups_but_does_not_produce() throws Exception {
        send("campaign-service", Topic.NOTIFICATION, "Thanh tra Sở được thông báo");
        assertThat(read("dept-system", Topic.NOTIFICATION, "dept-vanthu")).isNotEmpty();
        assertThatThrownBy(() -> send("dept-system", Topic.NOTIFICATION, "giả mạo")).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> read("dept-system", Topic.NOTIFICATION, "vanthu")).isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> read("dept-system", Topic.PARTICIPATION, "dept-vanthu")).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void the_auditor_reads_every_topic_and_writes_none() throws Exception {
        send("participation-service", Topic.ROSTER, "thành viên");
        assertThat(read("auditor", Topic.ROSTER, "audit-2023")).isNotEmpty();
        assertThatThrownBy(() -> send("auditor", Topic.ROSTER, "giả mạo")).hasRootCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> read("auditor", Topic.ROSTER, "evaluation-service.facts")).isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void no_user_or_a_wrong_password_does_not_get_in() {
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)).isInstanceOf(Exception.class);
        }
        Map<String, Object> wrong = new HashMap<>(KafkaLogin.sasl(KafkaLogin.SCRAM_SHA_512, "campaign-service", "not-the-password"));
        wrong.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        assertThatThrownBy(() -> {
            try (KafkaProducer<String, String> p = producer(wrong)) {
                p.send(new ProducerRecord<>(Topic.CAMPAIGN.address(), "x", "giả mạo")).get(15, TimeUnit.SECONDS);
            }
        }).isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
}
