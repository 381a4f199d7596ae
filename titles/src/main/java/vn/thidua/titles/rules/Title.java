package vn.thidua.titles.rules;

/** The emulation titles (danh hiệu thi đua) the review proposes, in the order they are shown. */
public enum Title {
    ADVANCED_WORKER("Lao động tiên tiến", Subject.MEMBER, DecidedBy.DEPARTMENT),
    BASE_EMULATION_FIGHTER("Chiến sĩ thi đua cơ sở", Subject.MEMBER, DecidedBy.DEPARTMENT),
    PROVINCIAL_EMULATION_FIGHTER("Chiến sĩ thi đua cấp tỉnh", Subject.MEMBER, DecidedBy.PROVINCE),
    ADVANCED_COLLECTIVE("Tập thể lao động tiên tiến", Subject.UNIT, DecidedBy.DEPARTMENT),
    EXCELLENT_COLLECTIVE("Tập thể lao động xuất sắc", Subject.UNIT, DecidedBy.PROVINCE);

    /** Who a title is for. */
    public enum Subject { MEMBER, UNIT }

    /** Who signs the award: the Giám đốc Sở (Luật Điều 80 k.1), or the province the department proposes it to. */
    public enum DecidedBy { DEPARTMENT, PROVINCE }

    private final String label;
    private final Subject subject;
    private final DecidedBy decidedBy;

    Title(String label, Subject subject, DecidedBy decidedBy) {
        this.label = label;
        this.subject = subject;
        this.decidedBy = decidedBy;
    }

    public String label() {
        return label;
    }

    public Subject subject() {
        return subject;
    }

    public DecidedBy decidedBy() {
        return decidedBy;
    }
}
