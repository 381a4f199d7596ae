package vn.thidua.contract.events;

/** What a member or a unit did in a campaign. */
public enum ParticipationKind {
    /** Đăng ký thi đua: a pledge to take part. */
    REGISTERED,
    /** Tham gia hoạt động: took part in an activity. */
    ACTIVITY,
    /** Thành tích: an attested result, with evidence. */
    ACHIEVEMENT,
    /** Sáng kiến: an initiative recognised as applied, with evidence. */
    INITIATIVE
}
