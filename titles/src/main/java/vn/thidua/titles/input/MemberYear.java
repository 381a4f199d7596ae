package vn.thidua.titles.input;

import java.util.List;
import java.util.Objects;
import vn.thidua.contract.Text;

/**
 * A member as the review of a year sees them: the units whose roster they were on in the year
 * (sorted; two or more after a move), their participation and their personnel file.
 */
public record MemberYear(String memberId, String fullName, List<String> units, Participation participation, PersonnelFile file) {

    public MemberYear {
        Objects.requireNonNull(memberId, "memberId");
        fullName = Text.nfc(fullName);
        units = units.stream().sorted().distinct().toList();
        Objects.requireNonNull(participation, "participation");
        Objects.requireNonNull(file, "file");
    }
}
