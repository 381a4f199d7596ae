package vn.thidua.titles.input;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import vn.thidua.contract.Text;
import vn.thidua.contract.events.Rating;

/**
 * What the personnel side knows of a member for a year's review: the recruitment date (kept across
 * moves between units), the year's rating (null: not rated) and disciplines whatever their year, from
 * participation-service's events on {@code thidua.personnel.v1}; and, with no event yet, proceedings, the research projects
 * accepted and the initiatives applied province-wide in the year, and the earlier years the member
 * was awarded Chiến sĩ thi đua cơ sở.
 */
public record PersonnelFile(LocalDate recruitedOn, Rating rating, List<Discipline> disciplines, List<DisciplineProceeding> proceedings,
                            List<String> acceptedResearch, List<String> provinceWideInitiatives, SortedSet<Integer> baseFighterYears) {

    /** A file with nothing known. */
    public static final PersonnelFile EMPTY = new PersonnelFile(null, null, List.of(), List.of(), List.of(), List.of(), new TreeSet<>());

    public PersonnelFile {
        disciplines = List.copyOf(disciplines);
        proceedings = List.copyOf(proceedings);
        acceptedResearch = acceptedResearch.stream().map(Text::nfc).toList();
        provinceWideInitiatives = provinceWideInitiatives.stream().map(Text::nfc).toList();
        baseFighterYears = Collections.unmodifiableSortedSet(new TreeSet<>(baseFighterYears));
    }
}
