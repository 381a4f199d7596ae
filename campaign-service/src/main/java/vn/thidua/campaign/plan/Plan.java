package vn.thidua.campaign.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.thidua.kit.problem.DomainException;

/**
 * A provincial plan, event-sourced. The feed may send the same plan any number of times: the first
 * registers it, the same content again changes nothing, other content under the same identity is a
 * conflict that names the differing fields.
 */
public class Plan {

    @AggregateIdentifier
    private String planId;
    private PlanDetails details;

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected Plan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PlanOutcome handle(RegisterPlan command) {
        if (planId == null) {
            apply(new PlanRegistered(command.planId(), command.details()));
            return PlanOutcome.REGISTERED;
        }
        List<PlanDetails.Difference> differences = details.differencesFrom(command.details());
        if (!differences.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "plan-conflict",
                    "A plan with this number is registered with other content",
                    "plan " + details.number() + " of " + details.issuer() + " is registered with other values for "
                            + differences.stream().map(PlanDetails.Difference::field).toList()
                            + "; a corrected plan needs a new number")
                    .with("planId", planId)
                    .with("differences", differences);
        }
        return PlanOutcome.UNCHANGED;
    }

    @EventSourcingHandler
    void on(PlanRegistered event) {
        planId = event.planId();
        details = event.details();
    }
}
