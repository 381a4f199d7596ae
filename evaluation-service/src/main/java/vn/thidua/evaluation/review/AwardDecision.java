package vn.thidua.evaluation.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.thidua.contract.events.AwardDecided;

/**
 * The council's decision on one year ({@code award-<year>}), an aggregate of its own so that its one
 * published event, {@link AwardDecided}, is sequence 0 of its aggregate on {@code thidua.award.v1}:
 * the ballots before it are unpublished events of {@link YearReview}, which creates this aggregate
 * when it decides.
 */
public class AwardDecision {

    @AggregateIdentifier
    private String decisionId;

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected AwardDecision() {
    }

    AwardDecision(AwardDecided decided) {
        apply(decided);
    }

    public static String idOf(int year) {
        return "award-" + year;
    }

    @EventSourcingHandler
    void on(AwardDecided event) {
        decisionId = idOf(event.year());
    }
}
