package vn.thidua.participation.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.kit.problem.DomainException;

/** Record what a member, or the unit itself ({@code memberId} null), did in a campaign. */
public record RecordParticipation(@TargetAggregateIdentifier String recordId, String campaignId, String unitCode, String memberId,
                                  ParticipationKind kind, LocalDate occurredOn, String description, Evidence evidence) {

    /** The one evidence rule: an achievement or an initiative needs a document number or a link. */
    static void requireEvidence(ParticipationKind kind, Evidence evidence) {
        boolean attested = kind == ParticipationKind.ACHIEVEMENT || kind == ParticipationKind.INITIATIVE;
        if (attested && !hasEvidence(evidence)) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "evidence-required", "This kind of record needs evidence",
                    kind + " needs evidence: a document number (e.g. a decision QĐ 17/QĐ-KHCN) or a link")
                    .with("errors", List.of(Map.of("field", "evidence", "message", "required for " + kind)));
        }
    }

    private static boolean hasEvidence(Evidence evidence) {
        return evidence != null && (notBlank(evidence.documentNumber()) || notBlank(evidence.link()));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
