package vn.thidua.participation.record;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.kit.problem.DomainException;

/**
 * One participation record, event-sourced. Rules that need other records or other services' facts
 * (campaign launched and its period, unit a recipient, member on the roster, year open, one
 * registration) are checked by {@link ParticipationService} against the read models before it is
 * commanded; the record itself checks what it can see alone.
 */
public class ParticipationRecord {

    @AggregateIdentifier
    private String recordId;

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected ParticipationRecord() {
    }

    @CommandHandler
    public ParticipationRecord(RecordParticipation command) {
        boolean attested = command.kind() == ParticipationKind.ACHIEVEMENT || command.kind() == ParticipationKind.INITIATIVE;
        if (attested && !hasEvidence(command.evidence())) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "evidence-required", "This kind of record needs evidence",
                    command.kind() + " needs evidence: a document number (e.g. a decision QĐ 17/QĐ-KHCN) or a link")
                    .with("errors", java.util.List.of(java.util.Map.of("field", "evidence", "message", "required for " + command.kind())));
        }
        apply(new ParticipationRecorded(command.recordId(), command.campaignId(), command.unitCode(), command.memberId(), command.kind(),
                command.occurredOn(), command.description(), command.evidence()));
    }

    private static boolean hasEvidence(Evidence evidence) {
        return evidence != null && (notBlank(evidence.documentNumber()) || notBlank(evidence.link()));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @EventSourcingHandler
    void on(ParticipationRecorded event) {
        recordId = event.recordId();
    }
}
