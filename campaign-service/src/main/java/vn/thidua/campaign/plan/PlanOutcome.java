package vn.thidua.campaign.plan;

/** What registering a plan did. */
public enum PlanOutcome {
    /** It was new and is now registered. */
    REGISTERED,
    /** It was already registered with the same content: nothing changed. */
    UNCHANGED
}
