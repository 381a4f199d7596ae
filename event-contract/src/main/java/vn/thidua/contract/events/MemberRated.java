package vn.thidua.contract.events;

/**
 * The year's quality rating (xếp loại chất lượng) of a member, recorded for the unit whose roster
 * they were on in that year. A correction is a later {@code MemberRated} for the same member and
 * year: the last one counts (whatever its unit). Topic {@code thidua.personnel.v1}, key: member id.
 */
public record MemberRated(
        String memberId,
        String unitCode,
        int year,
        Rating rating) implements ThiduaEvent {

    @Override
    public String partitionKey() {
        return memberId;
    }
}
