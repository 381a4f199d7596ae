package vn.thidua.participation.record;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.thidua.contract.events.ParticipationRecorded;

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
        RecordParticipation.requireEvidence(command.kind(), command.evidence());
        apply(new ParticipationRecorded(command.recordId(), command.campaignId(), command.unitCode(), command.memberId(), command.kind(),
                command.occurredOn(), command.description(), command.evidence()));
    }

    @EventSourcingHandler
    void on(ParticipationRecorded event) {
        recordId = event.recordId();
    }
}
