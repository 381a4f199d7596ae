package vn.thidua.contract.events;

import java.time.LocalDate;
import vn.thidua.contract.Text;

/**
 * A member (cán bộ, công chức, viên chức, người lao động) is on the unit's roster from
 * {@code joinedOn}, inclusive. Topic {@code thidua.roster.v1}, key: unit code.
 */
public record MemberJoinedUnit(
        String memberId,
        String fullName,
        String position,
        String unitCode,
        LocalDate joinedOn) implements ThiduaEvent {

    public MemberJoinedUnit {
        fullName = Text.nfc(fullName);
        position = Text.nfc(position);
    }

    @Override
    public String partitionKey() {
        return unitCode;
    }
}
