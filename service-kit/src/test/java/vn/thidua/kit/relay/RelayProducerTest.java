package vn.thidua.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.kit.kafka.PlainKafkaSettings;
import vn.thidua.testsupport.KafkaServer;
import vn.thidua.testsupport.RealServers;

/**
 * The relay's fence on a real broker: two instances of a service share the relay's transactional id;
 * the one whose batch began under a newer claim fences the other, whose batch was still open (a
 * relay paused past its claim, a broker that came back late). The fenced batch cannot commit and
 * what it sent is never read by a reader of committed records, though it is in the partition.
 */
class RelayProducerTest {
    private static KafkaServer broker;
    private static KafkaSettings kafka;

    @BeforeAll
    static void broker() {
        broker = RealServers.newKafka();
        kafka = new PlainKafkaSettings(broker.bootstrapServers(), 1, 100);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void the_instance_with_the_newer_claim_fences_the_one_still_sending() throws Exception {
        String topic = topic();
        String id = "fence-test-" + UUID.randomUUID();
        Supplier<Producer<String, byte[]>> factory = () -> KafkaClients.transactionalProducer(kafka, id);
        RelayProducer paused = new RelayProducer(factory);
        RelayProducer holder = new RelayProducer(factory);

        Producer<String, byte[]> old = paused.begin(1);
        for (int i = 0; i < 3; i++) {
            old.send(record(topic, "gửi bởi phiên bản đã mất quyền " + i));
        }
        old.flush(); // on the broker, in a transaction still open

        Producer<String, byte[]> current = holder.begin(1);
        current.send(record(topic, "gửi bởi phiên bản giữ quyền 0"));
        current.send(record(topic, "gửi bởi phiên bản giữ quyền 1"));
        holder.commit();

        assertThatThrownBy(paused::commit).isInstanceOf(KafkaException.class);
        paused.discard();

        assertThat(values(topic, "read_committed")).containsExactly("gửi bởi phiên bản giữ quyền 0", "gửi bởi phiên bản giữ quyền 1");
        assertThat(values(topic, "read_uncommitted")).as("the fenced sends are in the partition, aborted")
                .contains("gửi bởi phiên bản đã mất quyền 0").hasSize(5);
    }

    @Test
    void one_producer_per_claim_and_a_new_one_after_a_batch_that_did_not_commit() throws Exception {
        String topic = topic();
        AtomicInteger made = new AtomicInteger();
        String id = "claims-test-" + UUID.randomUUID();
        RelayProducer relay = new RelayProducer(() -> {
            made.incrementAndGet();
            return KafkaClients.transactionalProducer(kafka, id);
        });
        Producer<String, byte[]> first = relay.begin(1);
        first.send(record(topic, "lô 1"));
        relay.commit();
        assertThat(relay.begin(1)).as("the same claim keeps its producer").isSameAs(first);
        first.send(record(topic, "lô 2"));
        relay.commit();
        assertThat(made).hasValue(1);

        Producer<String, byte[]> failed = relay.begin(1);
        failed.send(record(topic, "lô 3, không được ghi"));
        failed.flush();
        relay.discard(); // the batch's database transaction rolled back
        Producer<String, byte[]> after = relay.begin(1);
        assertThat(after).isNotSameAs(first);
        after.send(record(topic, "lô 4"));
        relay.commit();
        assertThat(relay.begin(2)).as("a new claim, a new producer").isNotSameAs(after);
        relay.commit();
        relay.discard();
        assertThat(made).hasValue(3);
        assertThat(values(topic, "read_committed")).containsExactly("lô 1", "lô 2", "lô 4");
    }

    private static String topic() throws Exception {
        String topic = "relay-fence-" + UUID.randomUUID();
        try (Admin admin = KafkaClients.admin(kafka, 30_000)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String value) {
        return new ProducerRecord<>(topic, 0, "VP", value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every value of the topic's partition, read to its end at {@code isolation}. */
    private static List<String> values(String topic, String isolation) {
        Map<String, Object> config = new HashMap<>(KafkaClients.connection(kafka));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
