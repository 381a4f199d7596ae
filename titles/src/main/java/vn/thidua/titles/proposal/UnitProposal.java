package vn.thidua.titles.proposal;

import java.util.List;
import vn.thidua.titles.rules.Title;

/** A unit's titles for the year, in {@link Title} order, and the checks that warn without refusing (its members' ratings). */
public record UnitProposal(String unitCode, int rosterSize, List<TitleProposal> titles, List<CriterionResult> warnings) {

    public UnitProposal {
        titles = List.copyOf(titles);
        warnings = List.copyOf(warnings);
    }

    public TitleProposal title(Title title) {
        return titles.stream().filter(t -> t.title() == title).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(title + " is not a unit's title"));
    }
}
