package vn.thidua.titles.input;

import java.util.List;
import java.util.Objects;
import vn.thidua.contract.events.Rating;

/**
 * A unit as the review of a year sees it: its rating (null: not rated) and its roster of the year,
 * every member on it on at least one day of the year (scoring's rule), sorted.
 */
public record UnitYear(String unitCode, Rating rating, List<String> roster) {

    public UnitYear {
        Objects.requireNonNull(unitCode, "unitCode");
        roster = roster.stream().sorted().distinct().toList();
    }

    public int rosterSize() {
        return roster.size();
    }
}
