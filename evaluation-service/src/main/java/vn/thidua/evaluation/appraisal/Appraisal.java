package vn.thidua.evaluation.appraisal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.thidua.contract.events.AppraisalClosed;

/**
 * The year-end review (bình xét) of one year, event-sourced. It is closed once: closing again
 * answers the first close and changes nothing.
 */
public class Appraisal {

    /** What closing did: the close in force, and whether this command made it. */
    public record Outcome(AppraisalClosed close, boolean closedNow) {
    }

    @AggregateIdentifier
    private String appraisalId;
    private AppraisalClosed closed;

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected Appraisal() {
    }

    public static String idOf(int year) {
        return "appraisal-" + year;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(CloseAppraisal command) {
        if (closed != null) {
            return new Outcome(closed, false);
        }
        AppraisalClosed close = new AppraisalClosed(command.year(), command.policyVersion(), command.digest(), command.watermark(),
                command.counts(), command.closedBy(), command.closedAt());
        apply(close);
        return new Outcome(close, true);
    }

    @EventSourcingHandler
    void on(AppraisalClosed event) {
        appraisalId = idOf(event.year());
        closed = event;
    }
}
