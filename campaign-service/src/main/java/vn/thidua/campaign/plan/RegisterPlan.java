package vn.thidua.campaign.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a provincial plan, or confirm it is already registered with the same content. */
public record RegisterPlan(@TargetAggregateIdentifier String planId, PlanDetails details) {
}
