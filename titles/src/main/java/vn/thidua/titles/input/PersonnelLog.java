package vn.thidua.titles.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.UnitRated;

/**
 * The personnel events of the log ({@code thidua.personnel.v1}) folded into what a year's review
 * needs, the same for evaluation-service and the audit. Events are applied in log order; the last
 * one counts: per member and year (rating), member and decision number (discipline), member
 * (recruitment), unit and year (unit rating). Decisions ({@link AwardDecided}) give the years a
 * member was awarded Chiến sĩ thi đua cơ sở. Other events are ignored.
 */
public final class PersonnelLog {
    private static final String BASE_FIGHTER = "BASE_EMULATION_FIGHTER";

    private final Map<String, LocalDate> recruited = new HashMap<>();
    private final Map<String, Map<Integer, Rating>> ratings = new HashMap<>();
    private final Map<String, Map<String, Discipline>> disciplines = new HashMap<>();
    private final Map<String, Map<Integer, Rating>> unitRatings = new HashMap<>();
    private final Map<String, Set<Integer>> baseFighterYears = new HashMap<>();

    /** Takes one event into account (in log order for the personnel events). */
    public void apply(ThiduaEvent event) {
        if (event instanceof MemberRecruited r) {
            recruited.put(r.memberId(), r.recruitedOn());
        } else if (event instanceof MemberRated r) {
            ratings.computeIfAbsent(r.memberId(), k -> new HashMap<>()).put(r.year(), r.rating());
        } else if (event instanceof MemberDisciplined d) {
            disciplines.computeIfAbsent(d.memberId(), k -> new LinkedHashMap<>()).put(d.decisionNumber(), new Discipline(d.level(), d.from(), d.to()));
        } else if (event instanceof UnitRated r) {
            unitRatings.computeIfAbsent(r.unitCode(), k -> new HashMap<>()).put(r.year(), r.rating());
        } else if (event instanceof AwardDecided a) {
            a.awards().stream().filter(w -> w.subject() == AwardDecided.Subject.MEMBER && w.title().equals(BASE_FIGHTER))
                    .forEach(w -> baseFighterYears.computeIfAbsent(w.subjectId(), k -> new TreeSet<>()).add(a.year()));
        }
    }

    /** Every member's file for the review of {@code year}, by member id (members with no personnel event are absent). */
    public Map<String, PersonnelFile> files(int year) {
        Set<String> members = new TreeSet<>();
        members.addAll(recruited.keySet());
        members.addAll(ratings.keySet());
        members.addAll(disciplines.keySet());
        members.addAll(baseFighterYears.keySet());
        Map<String, PersonnelFile> files = new TreeMap<>();
        for (String m : members) {
            List<Discipline> ds = new ArrayList<>(disciplines.getOrDefault(m, Map.of()).values());
            TreeSet<Integer> earlier = new TreeSet<>();
            baseFighterYears.getOrDefault(m, Set.of()).stream().filter(y -> y < year).forEach(earlier::add);
            files.put(m, new PersonnelFile(recruited.get(m), ratings.getOrDefault(m, Map.of()).get(year), ds, List.of(), List.of(), List.of(), earlier));
        }
        return files;
    }

    /** The units' ratings of {@code year}, by unit code. */
    public Map<String, Rating> unitRatings(int year) {
        Map<String, Rating> out = new TreeMap<>();
        unitRatings.forEach((unit, byYear) -> {
            Rating r = byYear.get(year);
            if (r != null) {
                out.put(unit, r);
            }
        });
        return out;
    }
}
