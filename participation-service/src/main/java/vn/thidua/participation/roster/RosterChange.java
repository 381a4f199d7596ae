package vn.thidua.participation.roster;

/** What a roster command did. */
public enum RosterChange {
    /** The roster changed: an event was emitted. */
    CHANGED,
    /** It already was so: nothing changed. */
    UNCHANGED
}
