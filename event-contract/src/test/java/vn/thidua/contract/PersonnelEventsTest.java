package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.Topic;

/** The review's inputs on {@code thidua.personnel.v1}: keys, enums and values as the schemas allow them. */
class PersonnelEventsTest {
    private final EventCodec codec = EventCodec.instance();

    @Test
    void a_members_facts_are_keyed_by_the_member_and_a_units_rating_by_the_unit() {
        assertThat(SampleEvents.memberRated().partitionKey()).isEqualTo("CB-0001");
        assertThat(SampleEvents.memberDisciplined().partitionKey()).isEqualTo("CB-0002");
        assertThat(SampleEvents.memberRecruited().partitionKey()).isEqualTo("CB-0001");
        assertThat(SampleEvents.unitRated().partitionKey()).isEqualTo("TTR");
        for (EventType type : List.of(EventType.MEMBER_RATED, EventType.UNIT_RATED, EventType.MEMBER_DISCIPLINED, EventType.MEMBER_RECRUITED)) {
            assertThat(type.topic()).isEqualTo(Topic.PERSONNEL);
            assertThat(type.topic().writer()).isEqualTo("participation-service");
        }
        assertThat(EventType.MEMBER_RATED.ceType()).isEqualTo("vn.thidua.participation.MemberRated.v1");
    }

    @Test
    void the_schemas_list_exactly_the_four_rating_levels_and_the_six_disciplines() {
        assertThat(enumOf(EventType.MEMBER_RATED, "rating")).containsExactly(names(Rating.values()));
        assertThat(enumOf(EventType.UNIT_RATED, "rating")).containsExactly(names(Rating.values()));
        assertThat(enumOf(EventType.MEMBER_DISCIPLINED, "level")).containsExactly(names(DisciplineLevel.values()));
        assertThat(Rating.values()).hasSize(4);
    }

    @Test
    void the_levels_read_as_the_documents_write_them() {
        assertThat(Rating.GOOD.label()).isEqualTo("Hoàn thành tốt nhiệm vụ");
        assertThat(Rating.EXCELLENT.atLeast(Rating.GOOD)).isTrue();
        assertThat(Rating.COMPLETED.atLeast(Rating.GOOD)).isFalse();
        assertThat(DisciplineLevel.WARNING.atLeast(DisciplineLevel.REPRIMAND)).isTrue();
        assertThat(DisciplineLevel.WARNING.label()).isEqualTo("Cảnh cáo");
    }

    @ParameterizedTest
    @ValueSource(ints = {1944, 2101})
    void a_year_outside_the_input_range_breaks_the_schema(int year) {
        String json = json(SampleEvents.memberRated()).replace("\"year\":2022", "\"year\":" + year);
        assertThat(codec.violations(EventType.MEMBER_RATED, codec.parse(json.getBytes(StandardCharsets.UTF_8)))).isNotEmpty();
    }

    @Test
    void a_rating_not_among_the_four_is_refused() {
        String json = json(SampleEvents.unitRated()).replace("GOOD", "VERY_GOOD");
        assertThatThrownBy(() -> codec.decode(EventType.UNIT_RATED, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("rating");
    }

    @Test
    void a_discipline_without_its_end_is_still_in_force_and_round_trips() {
        String json = json(SampleEvents.disciplineStillInForce());
        assertThat(json).contains("\"to\":null");
        assertThat(codec.decode(EventType.MEMBER_DISCIPLINED, json.getBytes(StandardCharsets.UTF_8))).isEqualTo(SampleEvents.disciplineStillInForce());
    }

    @Test
    void the_decision_number_is_stored_as_nfc() {
        MemberDisciplined d = new MemberDisciplined("CB-1", "VP", Normalizer.normalize("12/QĐ-SKHCN", Normalizer.Form.NFD),
                DisciplineLevel.REPRIMAND, SampleEvents.memberDisciplined().from(), null);
        assertThat(d.decisionNumber()).isEqualTo("12/QĐ-SKHCN");
    }

    @Test
    void a_recruitment_carries_no_unit() {
        String json = json(SampleEvents.memberRecruited()).replace("{", "{\"unitCode\":\"TTR\",");
        assertThatThrownBy(() -> codec.decode(EventType.MEMBER_RECRUITED, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unitCode");
    }

    private String json(vn.thidua.contract.events.ThiduaEvent event) {
        return new String(codec.encode(event), StandardCharsets.UTF_8);
    }

    private List<String> enumOf(EventType type, String field) {
        JsonNode schema;
        try (var in = getClass().getResourceAsStream(type.schemaResource())) {
            schema = codec.parse(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> values = new ArrayList<>();
        schema.path("properties").path(field).path("enum").forEach(n -> values.add(n.asText()));
        return values;
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
