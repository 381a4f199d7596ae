package vn.thidua.campaign.campaign;

import java.time.Instant;

/** A unit's acknowledgement; {@code first} is false when it had been acknowledged before (nothing changed). */
public record Acknowledgement(String campaignId, String unitCode, String acknowledgedBy, Instant acknowledgedAt, boolean first) {
}
