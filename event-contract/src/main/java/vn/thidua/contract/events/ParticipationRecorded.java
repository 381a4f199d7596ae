package vn.thidua.contract.events;

import java.time.LocalDate;
import vn.thidua.contract.Text;

/**
 * What a member, or the unit itself ({@code memberId} null), did in a campaign on a day.
 * Topic {@code thidua.participation.v1}, key: unit code.
 */
public record ParticipationRecorded(
        String recordId,
        String campaignId,
        String unitCode,
        String memberId,
        ParticipationKind kind,
        LocalDate occurredOn,
        String description,
        Evidence evidence) implements ThiduaEvent {

    public ParticipationRecorded {
        description = Text.nfc(description);
    }

    /** Whether this is a collective record of the unit rather than of one member. */
    public boolean collective() {
        return memberId == null;
    }

    @Override
    public String partitionKey() {
        return unitCode;
    }
}
