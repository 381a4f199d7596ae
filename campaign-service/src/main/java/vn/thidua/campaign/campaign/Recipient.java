package vn.thidua.campaign.campaign;

/** A unit a campaign is sent to (Kính gửi), with its name at the time. */
public record Recipient(String unitCode, String unitName) {
}
