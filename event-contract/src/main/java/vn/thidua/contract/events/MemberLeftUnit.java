package vn.thidua.contract.events;

import java.time.LocalDate;
import vn.thidua.contract.Text;

/**
 * A member left the unit's roster: {@code leftOn} is the first day off the roster (exclusive end).
 * A move between units is a leave and a join. Topic {@code thidua.roster.v1}, key: unit code.
 */
public record MemberLeftUnit(
        String memberId,
        String fullName,
        String unitCode,
        LocalDate leftOn) implements ThiduaEvent {

    public MemberLeftUnit {
        fullName = Text.nfc(fullName);
    }

    @Override
    public String partitionKey() {
        return unitCode;
    }
}
