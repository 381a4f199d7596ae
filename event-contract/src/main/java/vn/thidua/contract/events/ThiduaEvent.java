package vn.thidua.contract.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A published thidua event: the {@code data} of a CloudEvent on one of the thidua topics.
 * The event id, aggregate id and sequence, time and schema version travel in the envelope
 * ({@link vn.thidua.contract.envelope.EventAttributes}).
 */
public sealed interface ThiduaEvent
        permits CampaignLaunched, DepartmentNotified, NotificationAcknowledged,
                MemberJoinedUnit, MemberLeftUnit, ParticipationRecorded, AppraisalClosed,
                MemberRated, UnitRated, MemberDisciplined, MemberRecruited,
                AwardDecided {

    /** The Kafka record key, as given for the event's topic in asyncapi.yaml. */
    @JsonIgnore
    String partitionKey();
}
