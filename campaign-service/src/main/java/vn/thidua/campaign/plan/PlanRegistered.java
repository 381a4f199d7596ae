package vn.thidua.campaign.plan;

/** A provincial plan was registered (internal to campaign-service: plans are cited by the campaigns). */
public record PlanRegistered(String planId, PlanDetails details) {
}
