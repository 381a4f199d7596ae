package vn.thidua.evaluation.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.kit.kafka.KafkaClients;
import vn.thidua.kit.kafka.KafkaSettings;
import vn.thidua.kit.kafka.PlainKafkaSettings;
import vn.thidua.testsupport.KafkaServer;
import vn.thidua.testsupport.RealServers;

/**
 * The end of a partition written in transactions, on a real broker: commit markers and an aborted
 * batch lie after the last record, so Kafka's end offset is beyond it; the end a consumer's position
 * is compared with is the offset after the last committed record.
 */
class EndOffsetsTest {
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
    void the_end_is_after_the_last_committed_record_not_after_the_markers_and_aborted_sends() throws Exception {
        String written = "end-offsets-" + UUID.randomUUID();
        String empty = "end-offsets-empty-" + UUID.randomUUID();
        try (Admin admin = KafkaClients.admin(kafka, 30_000)) {
            admin.createTopics(List.of(new NewTopic(written, 1, (short) 1), new NewTopic(empty, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = new HashMap<>(KafkaClients.connection(kafka));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "end-offsets-test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int tx = 0; tx < 3; tx++) { // three records, each followed by its commit marker
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(written, 0, "VP", ("bản ghi " + tx).getBytes(StandardCharsets.UTF_8)));
                producer.commitTransaction();
            }
            producer.beginTransaction(); // 40 sends aborted, more than the first window read back
            for (int i = 0; i < 40; i++) {
                producer.send(new ProducerRecord<>(written, 0, "VP", "hủy".getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            producer.abortTransaction();
        }
        long kafkaEnd;
        try (Admin admin = KafkaClients.admin(kafka, 30_000)) {
            TopicPartition tp = new TopicPartition(written, 0);
            kafkaEnd = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS).get(tp).offset();
        }
        assertThat(kafkaEnd).as("records, markers and aborted sends").isEqualTo(3 + 3 + 40 + 1);

        List<PartitionOffset> ends = new EndOffsets(kafka).of(List.of(written, empty));
        assertThat(ends).containsExactlyInAnyOrder(new PartitionOffset(written, 0, 5), new PartitionOffset(empty, 0, 0));
        // the third record is at offset 4 (each record is followed by its marker): a consumer that applied it is at 5, not behind
        assertThat(EndOffsets.behind(ends, List.of(new PartitionOffset(written, 0, 5)))).isZero();
        assertThat(EndOffsets.behind(ends, List.of(new PartitionOffset(written, 0, 3)))).isEqualTo(2);
    }
}
