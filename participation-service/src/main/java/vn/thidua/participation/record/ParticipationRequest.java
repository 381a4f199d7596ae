package vn.thidua.participation.record;

import vn.thidua.kit.input.InputRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.Text;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.kit.problem.DomainException;

/** A participation record as a unit head sends it. */
public record ParticipationRequest(
        @NotBlank @Size(max = InputRules.ID_MAX) String campaignId,
        @NotBlank @Pattern(regexp = InputRules.UNIT_CODE, message = "must be a unit code such as TTR") String unitCode,
        @Pattern(regexp = InputRules.MEMBER_ID, message = "letters, digits, '.', '_' or '-'") String memberId,
        @NotNull ParticipationKind kind,
        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = InputRules.DESCRIPTION_MAX) String description,
        @Valid EvidenceBody evidence) {

    /** The evidence: a document number, a link, or both. */
    public record EvidenceBody(@Size(max = InputRules.NAME_MAX) String documentNumber, @Size(max = InputRules.LINK_MAX) String link) {
    }

    /** The event that records this request: the description stripped and in NFC, the evidence as stored. */
    ParticipationRecorded toEvent(String recordId) {
        return new ParticipationRecorded(recordId, campaignId, unitCode, memberId, kind, occurredOn, Text.nfc(description.strip()), evidenceGiven());
    }

    /** The one evidence rule: an achievement or an initiative needs a document number or a link. */
    void requireEvidence() {
        boolean attested = kind == ParticipationKind.ACHIEVEMENT || kind == ParticipationKind.INITIATIVE;
        Evidence given = evidenceGiven();
        if (attested && given == null) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "evidence-required", "This kind of record needs evidence",
                    kind + " needs evidence: a document number (e.g. a decision QĐ 17/QĐ-KHCN) or a link")
                    .with("errors", List.of(Map.of("field", "evidence", "message", "required for " + kind)));
        }
    }

    /** The evidence as it is stored: blanks dropped, null when nothing is left. */
    Evidence evidenceGiven() {
        Evidence ev = evidence == null ? null : new Evidence(blankToNull(evidence.documentNumber()), blankToNull(evidence.link()));
        return ev != null && ev.documentNumber() == null && ev.link() == null ? null : ev;
    }

    /** The same record for another member (an attendance list's line). */
    ParticipationRequest forMember(String member) {
        return new ParticipationRequest(campaignId, unitCode, member, kind, occurredOn, description, evidence);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
