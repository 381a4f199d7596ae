package vn.thidua.contract.events;

/** Kinds of phong trào thi đua. */
public enum CampaignKind {
    /** theo Đợt: a bounded drive with an end date. */
    PHASE,
    /** theo Chuyên đề: one topic. */
    THEMATIC,
    /** thường xuyên: the year's standing campaign. */
    REGULAR
}
