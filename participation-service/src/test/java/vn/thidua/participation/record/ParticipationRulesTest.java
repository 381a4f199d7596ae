package vn.thidua.participation.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.kit.problem.DomainException;

/**
 * The rules a record checks on its own (formerly the {@code ParticipationRecord} aggregate's, now the
 * service's, issue 20): given a request, when it is recorded, then this event, or this refusal. The
 * rules that need other facts (catalog, rosters, registrations) are in {@code ParticipationFlowTest}.
 */
class ParticipationRulesTest {
    private static final LocalDate DAY = LocalDate.of(2023, 5, 19);

    private static ParticipationRequest request(ParticipationKind kind, String memberId, ParticipationRequest.EvidenceBody evidence) {
        return new ParticipationRequest("c-1", "VP", memberId, kind, DAY, "Tham gia hội thi sáng kiến", evidence);
    }

    /** The event the service appends for {@code request}, after checking the record's own rule. */
    private static ParticipationRecorded recorded(ParticipationRequest request) {
        request.requireEvidence();
        return request.toEvent("r-1");
    }

    @Test
    void an_activity_is_recorded() {
        assertThat(recorded(request(ParticipationKind.ACTIVITY, "CB-1", null))).isEqualTo(new ParticipationRecorded("r-1", "c-1", "VP", "CB-1",
                ParticipationKind.ACTIVITY, DAY, "Tham gia hội thi sáng kiến", null));
    }

    @Test
    void a_unit_records_for_itself_with_no_member() {
        assertThat(recorded(request(ParticipationKind.REGISTERED, null, null))).isEqualTo(new ParticipationRecorded("r-1", "c-1", "VP", null,
                ParticipationKind.REGISTERED, DAY, "Tham gia hội thi sáng kiến", null));
    }

    @Test
    void an_achievement_with_a_document_number_is_recorded_and_blank_evidence_fields_are_dropped() {
        assertThat(recorded(request(ParticipationKind.ACHIEVEMENT, "CB-1", new ParticipationRequest.EvidenceBody(" QĐ 17/QĐ-KHCN ", " "))))
                .isEqualTo(new ParticipationRecorded("r-1", "c-1", "VP", "CB-1", ParticipationKind.ACHIEVEMENT, DAY,
                        "Tham gia hội thi sáng kiến", new Evidence("QĐ 17/QĐ-KHCN", null)));
    }

    @Test
    void the_description_is_stored_stripped_and_in_nfc() {
        String decomposed = "Tham gia ho\u0323i thi"; // "hội" with a combining dot below, as some keyboards send it
        ParticipationRequest request = new ParticipationRequest("c-1", "VP", "CB-1", ParticipationKind.ACTIVITY, DAY, "  " + decomposed + " ", null);
        assertThat(recorded(request).description()).isEqualTo(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC));
    }

    @Test
    void an_achievement_without_evidence_is_refused() {
        assertThatThrownBy(() -> recorded(request(ParticipationKind.ACHIEVEMENT, "CB-1", null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("evidence-required"));
    }

    @Test
    void an_initiative_with_blank_evidence_is_refused() {
        assertThatThrownBy(() -> recorded(request(ParticipationKind.INITIATIVE, "CB-1", new ParticipationRequest.EvidenceBody(" ", ""))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("evidence-required"));
    }

    @Test
    void an_initiative_with_a_link_only_is_recorded() {
        assertThatCode(() -> recorded(request(ParticipationKind.INITIATIVE, "CB-1", new ParticipationRequest.EvidenceBody(null, "https://khcn.thainguyen.gov.vn/vb/25"))))
                .doesNotThrowAnyException();
    }
}
