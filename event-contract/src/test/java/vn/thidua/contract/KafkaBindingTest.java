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
        return EventAttributes.unchained("3f1c7d0e-6a55-4c2b-9a1e-2f9e1d7f0a11", "/thidua/campaign-service",
                EventType.DEPARTMENT_NOTIFIED.ceType(), Instant.parse("2022-09-15T03:04:05.120Z"), event.partitionKey(),
                "user:nguyen.van.a", event.campaignId(), 1).chainedAfter(HashChain.GENESIS, data);
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

    /** Headers are decoded strictly: Vietnamese in UTF-8 reads back as sent; bytes that are not UTF-8 reject the record. */
    @Test
    void a_header_in_utf_8_reads_back_and_one_that_is_not_utf_8_is_rejected() {
        DepartmentNotified event = SampleEvents.departmentNotified();
        byte[] data = EventCodec.instance().encode(event);
        EventAttributes sent = EventAttributes.unchained("3f1c7d0e-6a55-4c2b-9a1e-2f9e1d7f0a11", "/thidua/campaign-service",
                EventType.DEPARTMENT_NOTIFIED.ceType(), Instant.parse("2022-09-15T03:04:05.120Z"), "Phòng Kế hoạch – Tài chính",
                "user:nguyễn.văn.ấn", event.campaignId(), 1).chainedAfter(HashChain.GENESIS, data);
        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord("thidua.notification.v1", 0, sent, data);

        PublishedEvent read = KafkaBinding.fromRecord(delivered(record, 4));
        assertThat(read.attributes().subject()).isEqualTo("Phòng Kế hoạch – Tài chính");
        assertThat(read.attributes()).isEqualTo(sent);

        record.headers().remove("ce_subject");
        record.headers().add("ce_subject", new byte[] {'P', 'h', (byte) 0xC3, '(', 'n', 'g'});
        assertThatThrownBy(() -> KafkaBinding.fromRecord(delivered(record, 5)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_subject is not UTF-8");
    }

    @Test
    void the_hash_is_over_the_header_strings_as_received() {
        DepartmentNotified event = SampleEvents.departmentNotified();
        byte[] data = EventCodec.instance().encode(event);
        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord("thidua.notification.v1", 0, attributes(event, data), data);
        // one formatter for the header and the hash: the header is the hashed string
        assertThat(header(record, "ce_time")).isEqualTo("2022-09-15T03:04:05.120Z");
        assertThat(header(record, "ce_actor")).isEqualTo("user:nguyen.van.a");
        assertThat(HashChain.canonicalJson(attributes(event, data), data))
                .contains("\"time\":\"2022-09-15T03:04:05.120Z\"").contains("\"aggregatesequence\":\"1\"");

        // another producer writes the same instant as "….12Z" and hashes that string: it verifies by the rule
        EventAttributes other = new EventAttributes("3f1c7d0e-6a55-4c2b-9a1e-2f9e1d7f0a11", "/thidua/campaign-service",
                EventType.DEPARTMENT_NOTIFIED.ceType(), "2022-09-15T03:04:05.12Z", event.partitionKey(), "system:campaign-service",
                event.campaignId(), 1, HashChain.GENESIS, null).chainedAfter(HashChain.GENESIS, data);
        PublishedEvent read = KafkaBinding.fromRecord(delivered(KafkaBinding.toRecord("thidua.notification.v1", 0, other, data), 0));
        assertThat(read.attributes().time()).isEqualTo("2022-09-15T03:04:05.12Z");
        assertThat(HashChain.hash(vn.thidua.contract.envelope.RawEvent.of(delivered(KafkaBinding.toRecord("thidua.notification.v1", 0, other, data), 0)).attributes(), data))
                .isEqualTo(other.hash())
                .isNotEqualTo(attributes(event, data).hash());
    }

    @Test
    void the_actor_is_required_and_of_a_known_kind() {
        DepartmentNotified event = SampleEvents.departmentNotified();
        byte[] data = EventCodec.instance().encode(event);
        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord("thidua.notification.v1", 0, attributes(event, data), data);
        record.headers().remove("ce_actor");
        assertThatThrownBy(() -> KafkaBinding.fromRecord(delivered(record, 3))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_actor");
        record.headers().add("ce_actor", "admin".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaBinding.fromRecord(delivered(record, 3))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_actor must be");
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
