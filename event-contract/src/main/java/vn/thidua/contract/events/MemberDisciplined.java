package vn.thidua.contract.events;

import java.time.LocalDate;
import vn.thidua.contract.Text;

/**
 * A discipline (kỷ luật) decided against a member by decision {@code decisionNumber}, in force from
 * {@code from} to {@code to}, both inclusive ({@code to} null: still in force); {@code unitCode} is
 * the unit that recorded it. A correction is a later {@code MemberDisciplined} for the same member
 * and decision number: the last one counts. Topic {@code thidua.personnel.v1}, key: member id.
 */
public record MemberDisciplined(
        String memberId,
        String unitCode,
        String decisionNumber,
        DisciplineLevel level,
        LocalDate from,
        LocalDate to) implements ThiduaEvent {

    public MemberDisciplined {
        decisionNumber = Text.nfc(decisionNumber);
    }

    @Override
    public String partitionKey() {
        return memberId;
    }
}
