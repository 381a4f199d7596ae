package vn.thidua.contract.events;

/** A form of discipline (hình thức kỷ luật) of a công chức or viên chức, lightest first. */
public enum DisciplineLevel {
    REPRIMAND("Khiển trách"),
    WARNING("Cảnh cáo"),
    SALARY_DOWNGRADE("Hạ bậc lương"),
    DEMOTION("Giáng chức"),
    REMOVAL_FROM_OFFICE("Cách chức"),
    DISMISSAL("Buộc thôi việc");

    private final String label;

    DisciplineLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this form is {@code minimum} or heavier. */
    public boolean atLeast(DisciplineLevel minimum) {
        return compareTo(minimum) >= 0;
    }
}
