package vn.thidua.contract.events;

import vn.thidua.contract.Text;

/**
 * One recipient unit (Kính gửi / Nơi nhận) was notified of a campaign.
 * Topic {@code thidua.notification.v1}, key: unit code, so a unit's systems read their own stream.
 */
public record DepartmentNotified(
        String campaignId,
        String unitCode,
        String unitName,
        String campaignTitle,
        CampaignKind kind,
        Period period,
        String documentNumber) implements ThiduaEvent {

    public DepartmentNotified {
        unitName = Text.nfc(unitName);
        campaignTitle = Text.nfc(campaignTitle);
        documentNumber = Text.nfc(documentNumber);
    }

    @Override
    public String partitionKey() {
        return unitCode;
    }
}
