package vn.thidua.contract.events;

/**
 * A year's quality rating (xếp loại chất lượng) of a member or a unit, best first: four levels
 * (NĐ 335/2025 for công chức, NĐ 233/2026 for viên chức).
 */
public enum Rating {
    EXCELLENT("Hoàn thành xuất sắc nhiệm vụ"),
    GOOD("Hoàn thành tốt nhiệm vụ"),
    COMPLETED("Hoàn thành nhiệm vụ"),
    NOT_COMPLETED("Không hoàn thành nhiệm vụ");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    /** The level's name as the documents write it. */
    public String label() {
        return label;
    }

    /** Whether this level is {@code minimum} or better. */
    public boolean atLeast(Rating minimum) {
        return compareTo(minimum) <= 0;
    }
}
