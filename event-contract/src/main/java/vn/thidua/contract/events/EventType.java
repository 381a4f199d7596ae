package vn.thidua.contract.events;

/**
 * Every published event type: its CloudEvents {@code type}, record class, topic and JSON Schema.
 * The single table department systems and our services agree on.
 */
public enum EventType {
    CAMPAIGN_LAUNCHED(CampaignLaunched.class, Topic.CAMPAIGN, "campaign"),
    DEPARTMENT_NOTIFIED(DepartmentNotified.class, Topic.NOTIFICATION, "campaign"),
    NOTIFICATION_ACKNOWLEDGED(NotificationAcknowledged.class, Topic.NOTIFICATION, "campaign"),
    MEMBER_JOINED_UNIT(MemberJoinedUnit.class, Topic.ROSTER, "participation"),
    MEMBER_LEFT_UNIT(MemberLeftUnit.class, Topic.ROSTER, "participation"),
    PARTICIPATION_RECORDED(ParticipationRecorded.class, Topic.PARTICIPATION, "participation"),
    APPRAISAL_CLOSED(AppraisalClosed.class, Topic.APPRAISAL, "evaluation"),
    MEMBER_RATED(MemberRated.class, Topic.PERSONNEL, "participation"),
    UNIT_RATED(UnitRated.class, Topic.PERSONNEL, "participation"),
    MEMBER_DISCIPLINED(MemberDisciplined.class, Topic.PERSONNEL, "participation"),
    MEMBER_RECRUITED(MemberRecruited.class, Topic.PERSONNEL, "participation"),
    AWARD_DECIDED(AwardDecided.class, Topic.AWARD, "evaluation");

    /** Schema version of every event type today; a breaking change makes a new type and topic. */
    public static final int SCHEMA_VERSION = 1;

    private final Class<? extends ThiduaEvent> recordClass;
    private final Topic topic;
    private final String ceType;

    EventType(Class<? extends ThiduaEvent> recordClass, Topic topic, String context) {
        this.recordClass = recordClass;
        this.topic = topic;
        this.ceType = "vn.thidua." + context + "." + recordClass.getSimpleName() + ".v" + SCHEMA_VERSION;
    }

    /** The CloudEvents {@code type}, e.g. {@code vn.thidua.campaign.CampaignLaunched.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends ThiduaEvent> recordClass() {
        return recordClass;
    }

    public Topic topic() {
        return topic;
    }

    /** The record's simple name, also the name of its JSON Schema and AsyncAPI message. */
    public String eventName() {
        return recordClass.getSimpleName();
    }

    /** Classpath resource of the event's JSON Schema. */
    public String schemaResource() {
        return "/vn/thidua/contract/schemas/" + eventName() + ".v" + SCHEMA_VERSION + ".json";
    }

    public static EventType of(ThiduaEvent event) {
        return ofClass(event.getClass());
    }

    public static EventType ofClass(Class<?> type) {
        for (EventType t : values()) {
            if (t.recordClass == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a published event: " + type.getName());
    }

    /** The type for a CloudEvents {@code type} attribute; unknown types are rejected. */
    public static EventType ofCeType(String ceType) {
        for (EventType t : values()) {
            if (t.ceType.equals(ceType)) {
                return t;
            }
        }
        throw new InvalidEventException("unknown event type '" + ceType + "'");
    }
}
