package vn.thidua.titles.proposal;

/** What a criterion gave: met, not met, or (for the checks that never refuse) a warning. */
public enum Outcome {
    MET("đạt"),
    NOT_MET("không đạt"),
    WARNING("cảnh báo");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
