package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;

class KafkaBindingTest {

    private static EventAttributes attributes(DepartmentNotified event, byte[] data) {
        return new EventAttributes("3f1c7d0e-6a55-4c2b-9a1e-2f9e1d7f0a11", "/thidua/campaign-service",
                EventType.DEPARTMENT_NOTIFIED.ceType(), Instant.parse("2022-09-15T03:04:05.123456Z"), event.partitionKey(),
                event.campaignId(), 1, null, null).chainedAfter(HashChain.GENESIS, data);
    }

    private static ConsumerRecord<String, byte[]> delivered(ProducerRecord<String, byte[]> sent, long offset) {
        return new ConsumerRecord<>(sent.topic(), sent.partition(), offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }

    @Test
    void binary_mode_headers_carry_the_envelope() {
        DepartmentNotified event = SampleEvents.departmentNotified();
        byte[] data = EventCodec.instance().encode(event);
        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord("thidua.notification.v1", 2, attributes(event, data), data);

        assertThat(record.key()).isEqualTo("TTR");
        assertThat(record.partition()).isEqualTo(2);
        assertThat(header(record, "ce_type")).isEqualTo("vn.thidua.campaign.DepartmentNotified.v1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_aggregateid")).isEqualTo(SampleEvents.CAMPAIGN_ID);
        assertThat(header(record, "ce_aggregatesequence")).isEqualTo("1");
        assertThat(header(record, "ce_previoushash")).isEqualTo(HashChain.GENESIS);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("Thanh tra Sở");
    }

    @Test
    void a_record_reads_back_to_the_same_envelope_and_event() {
        DepartmentNotified event = SampleEvents.departmentNotified();
        byte[] data = EventCodec.instance().encode(event);
        EventAttributes sent = attributes(event, data);

        PublishedEvent read = KafkaBinding.fromRecord(delivered(KafkaBinding.toRecord("thidua.notification.v1", 0, sent, data), 7));

        assertThat(read.attributes()).isEqualTo(sent);
        assertThat(read.event()).isEqualTo(event);
        assertThat(HashChain.hash(read.attributes(), read.data())).isEqualTo(sent.hash());
    }

    @Test
    void a_record_without_the_chain_extension_is_rejected() {
        DepartmentNotified event = SampleEvents.departmentNotified();
        byte[] data = EventCodec.instance().encode(event);
        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord("thidua.notification.v1", 0, attributes(event, data), data);
        record.headers().remove("ce_eventhash");

        assertThatThrownBy(() -> KafkaBinding.fromRecord(delivered(record, 3)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("thidua.notification.v1-0@3")
                .hasMessageContaining("ce_eventhash");
    }

    @Test
    void a_plain_json_record_is_not_a_cloud_event() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>("thidua.campaign.v1", 0, 0, "x", "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaBinding.fromRecord(plain))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("thidua.campaign.v1-0@0");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
