package vn.thidua.contract.events;

import java.time.LocalDate;

/**
 * The day a member was recruited (ngày tuyển dụng): it belongs to the member, not to a unit, and
 * is kept across moves (it is not the roster's join date). A correction is a later
 * {@code MemberRecruited} for the same member: the last one counts.
 * Topic {@code thidua.personnel.v1}, key: member id.
 */
public record MemberRecruited(
        String memberId,
        LocalDate recruitedOn) implements ThiduaEvent {

    @Override
    public String partitionKey() {
        return memberId;
    }
}
