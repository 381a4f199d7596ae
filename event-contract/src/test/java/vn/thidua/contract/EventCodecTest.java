package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.ThiduaEvent;

class EventCodecTest {
    private final EventCodec codec = EventCodec.instance();

    static Iterable<ThiduaEvent> samples() {
        return SampleEvents.all();
    }

    @Test
    void samples_cover_every_event_type() {
        Set<EventType> covered = SampleEvents.all().stream().map(EventType::of).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(EnumSet.allOf(EventType.class));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void every_event_matches_its_schema_and_round_trips(ThiduaEvent event) {
        EventType type = EventType.of(event);
        byte[] json = codec.encode(event);

        assertThat(codec.violations(type, codec.parse(json))).isEmpty();
        assertThat(codec.decode(type.ceType(), json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void vietnamese_text_is_utf8_json_and_comes_back_identical(ThiduaEvent event) {
        String json = new String(codec.encode(event), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\\u");
        assertThat(codec.encode(codec.decode(EventType.of(event), json.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decomposed_text_is_stored_as_nfc() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        MemberJoinedUnit joined = new MemberJoinedUnit("CB-9", decomposed, null, "VP", SampleEvents.memberJoinedUnit().joinedOn());

        assertThat(joined.fullName()).isEqualTo("Nguyễn Thị Ánh").isNotEqualTo(decomposed);
        assertThat(Normalizer.isNormalized(new String(codec.encode(joined), StandardCharsets.UTF_8), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void unknown_field_is_rejected_with_its_name() {
        String json = new String(codec.encode(SampleEvents.memberLeftUnit()), StandardCharsets.UTF_8)
                .replace("{", "{\"salary\":1,");
        assertThatThrownBy(() -> codec.decode(EventType.MEMBER_LEFT_UNIT, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("salary");
    }

    @Test
    void missing_field_is_rejected_not_half_read() {
        String json = new String(codec.encode(SampleEvents.memberLeftUnit()), StandardCharsets.UTF_8)
                .replaceAll("\"leftOn\":\"[0-9-]+\",?", "").replace(",}", "}");
        assertThatThrownBy(() -> codec.decode(EventType.MEMBER_LEFT_UNIT, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("leftOn");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "null",
            "{\"documentNumber\":\"15/QĐ-UBND\",\"link\":null}",
            "{\"documentNumber\":null,\"link\":\"https://thainguyen.gov.vn/vb/15\"}"})
    void evidence_is_null_or_a_document_number_and_link(String evidence) {
        assertThat(codec.violations(EventType.PARTICIPATION_RECORDED, codec.parse(withEvidence(evidence)))).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "\"15/QĐ-UBND\"",
            "[]",
            "{\"documentNumber\":\"15/QĐ-UBND\"}",
            "{\"documentNumber\":\"15/QĐ-UBND\",\"link\":null,\"page\":3}",
            "{\"documentNumber\":15,\"link\":null}"})
    void any_other_evidence_breaks_the_schema(String evidence) {
        assertThat(codec.violations(EventType.PARTICIPATION_RECORDED, codec.parse(withEvidence(evidence)))).isNotEmpty();
    }

    private byte[] withEvidence(String evidence) {
        String json = new String(codec.encode(SampleEvents.participationRecorded()), StandardCharsets.UTF_8);
        String replaced = json.replaceAll("\"evidence\":(null|\\{[^}]*\\})", java.util.regex.Matcher.quoteReplacement("\"evidence\":" + evidence));
        assertThat(replaced).contains("\"evidence\":" + evidence);
        return replaced.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wrong_enum_value_is_rejected() {
        String json = new String(codec.encode(SampleEvents.participationRecorded()), StandardCharsets.UTF_8)
                .replace("ACHIEVEMENT", "BRIBE");
        assertThatThrownBy(() -> codec.decode(EventType.PARTICIPATION_RECORDED, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("kind");
    }

    @Test
    void broken_json_is_rejected() {
        byte[] broken = "{\"memberId\":\"CB-1\",".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(EventType.MEMBER_LEFT_UNIT, broken))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void duplicate_keys_are_rejected() {
        String json = new String(codec.encode(SampleEvents.memberLeftUnit()), StandardCharsets.UTF_8)
                .replace("{", "{\"unitCode\":\"VP\",");
        assertThatThrownBy(() -> codec.decode(EventType.MEMBER_LEFT_UNIT, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void unknown_type_is_rejected() {
        assertThatThrownBy(() -> codec.decode("vn.thidua.campaign.CampaignCancelled.v1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type 'vn.thidua.campaign.CampaignCancelled.v1'");
    }
}
