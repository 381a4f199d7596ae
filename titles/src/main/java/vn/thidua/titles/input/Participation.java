package vn.thidua.titles.input;

/**
 * A member's part in the year's campaigns, as scoring counted it: the records that counted, whatever
 * the unit, and how many of them are initiatives (sáng kiến, recognised at base level).
 */
public record Participation(int countedRecords, int initiatives) {

    public static final Participation NONE = new Participation(0, 0);

    public Participation {
        if (countedRecords < 0 || initiatives < 0 || initiatives > countedRecords) {
            throw new IllegalArgumentException("participation needs 0 ≤ initiatives ≤ counted records, got "
                    + initiatives + " of " + countedRecords);
        }
    }
}
