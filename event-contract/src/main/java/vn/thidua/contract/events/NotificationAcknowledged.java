package vn.thidua.contract.events;

import java.time.Instant;
import vn.thidua.contract.Text;

/**
 * A unit head confirmed that the campaign was cascaded to everyone in the unit (quán triệt).
 * Topic {@code thidua.notification.v1}, key: unit code.
 */
public record NotificationAcknowledged(
        String campaignId,
        String unitCode,
        String acknowledgedBy,
        Instant acknowledgedAt) implements ThiduaEvent {

    public NotificationAcknowledged {
        acknowledgedBy = Text.nfc(acknowledgedBy);
    }

    @Override
    public String partitionKey() {
        return unitCode;
    }
}
