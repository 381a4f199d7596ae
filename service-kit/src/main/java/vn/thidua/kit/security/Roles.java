package vn.thidua.kit.security;

/**
 * The realm roles of the {@code thidua} realm, as tokens carry them in {@code realm_access.roles}.
 * Who may do what with them is the role matrix in the README.
 */
public final class Roles {
    /** The provincial integration feed (a service account): pushes plans. */
    public static final String FEED = "feed";
    /** The department's emulation officer: units, campaigns, closing a year, and anything a unit head may do. */
    public static final String OFFICER = "officer";
    /** A unit head: the roster, acknowledgements and records of the one unit in the token's {@code unit} claim. */
    public static final String UNIT_HEAD = "unit-head";
    /** An auditor: reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";

    /**
     * Given to every caller that has one of the four roles above ({@link ReaderRole}): what every read
     * requires. A token of the realm without any of them reads nothing.
     */
    public static final String READER = "thidua-reader";

    /** The four roles of the realm. */
    static final java.util.List<String> ALL = java.util.List.of(FEED, OFFICER, UNIT_HEAD, AUDITOR);

    private Roles() {
    }
}
