package vn.thidua.contract.events;

/** The thidua topics. Each has exactly one writing service; retention is forever. */
public enum Topic {
    CAMPAIGN("thidua.campaign.v1", "campaign-service"),
    NOTIFICATION("thidua.notification.v1", "campaign-service"),
    ROSTER("thidua.roster.v1", "participation-service"),
    PARTICIPATION("thidua.participation.v1", "participation-service"),
    APPRAISAL("thidua.appraisal.v1", "evaluation-service"),
    PERSONNEL("thidua.personnel.v1", "participation-service"),
    AWARD("thidua.award.v1", "evaluation-service");

    private final String address;
    private final String writer;

    Topic(String address, String writer) {
        this.address = address;
        this.writer = writer;
    }

    /** The Kafka topic name. */
    public String address() {
        return address;
    }

    /** The only service that writes to this topic. */
    public String writer() {
        return writer;
    }

    public static Topic ofAddress(String address) {
        for (Topic t : values()) {
            if (t.address.equals(address)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a thidua topic: " + address);
    }
}
