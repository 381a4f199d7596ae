package vn.thidua.titles.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.Rating;
import vn.thidua.scoring.ScoreTable;

/**
 * Everything the titles of a year are proposed from: the members and units of the year (sorted by
 * id and code) and the day of the review, on which a pending discipline proceeding is looked for.
 */
public record YearInputs(int year, LocalDate reviewedOn, List<MemberYear> members, List<UnitYear> units) {

    public YearInputs {
        if (reviewedOn.isBefore(LocalDate.of(year, 1, 1))) {
            throw new IllegalArgumentException("the review of " + year + " cannot be on " + reviewedOn + ", before the year starts");
        }
        members = members.stream().sorted(Comparator.comparing(MemberYear::memberId)).toList();
        units = units.stream().sorted(Comparator.comparing(UnitYear::unitCode)).toList();
        Set<String> known = members.stream().map(MemberYear::memberId).collect(Collectors.toSet());
        if (known.size() != members.size()) {
            throw new IllegalArgumentException("a member appears twice in the inputs of " + year);
        }
        for (UnitYear unit : units) {
            for (String memberId : unit.roster()) {
                if (!known.contains(memberId)) {
                    throw new IllegalArgumentException("member " + memberId + " is on the roster of " + unit.unitCode() + " but not among the members");
                }
            }
        }
    }

    /**
     * The inputs of a year from its score table (rosters, counted records, initiatives) and what the
     * personnel side knows: each member's file (absent: {@link PersonnelFile#EMPTY}) and each unit's rating.
     */
    public static YearInputs from(ScoreTable table, LocalDate reviewedOn, Map<String, PersonnelFile> files, Map<String, Rating> unitRatings) {
        Map<String, Set<String>> unitsByMember = new TreeMap<>();
        List<UnitYear> units = new ArrayList<>();
        for (ScoreTable.UnitScore unit : table.units()) {
            List<String> roster = unit.roster().stream().map(ScoreTable.RosterPoints::memberId).toList();
            roster.forEach(m -> unitsByMember.computeIfAbsent(m, k -> new TreeSet<>()).add(unit.unitCode()));
            units.add(new UnitYear(unit.unitCode(), unitRatings.get(unit.unitCode()), roster));
        }
        Map<String, int[]> counts = new HashMap<>();
        for (ScoreTable.CountedRecord r : table.counted()) {
            if (r.memberId() != null) {
                int[] c = counts.computeIfAbsent(r.memberId(), k -> new int[2]);
                c[0]++;
                if (r.kind() == ParticipationKind.INITIATIVE) {
                    c[1]++;
                }
            }
        }
        List<MemberYear> members = new ArrayList<>();
        for (ScoreTable.MemberScore m : table.members()) {
            int[] c = counts.get(m.memberId());
            Participation participation = c == null ? Participation.NONE : new Participation(c[0], c[1]);
            members.add(new MemberYear(m.memberId(), m.fullName(), List.copyOf(unitsByMember.getOrDefault(m.memberId(), Set.of())),
                    participation, files.getOrDefault(m.memberId(), PersonnelFile.EMPTY)));
        }
        return new YearInputs(table.year(), reviewedOn, members, units);
    }
}
