package vn.thidua.contract.events;

import java.util.List;
import vn.thidua.contract.Text;

/**
 * A campaign was launched by the department. Topic {@code thidua.campaign.v1}, key: campaign id.
 * Followed by one {@link DepartmentNotified} per recipient unit.
 */
public record CampaignLaunched(
        String campaignId,
        CampaignKind kind,
        String title,
        String content,
        List<PlanReference> basisPlans,
        Period period,
        LaunchDocument launchDocument,
        List<String> recipientUnitCodes) implements ThiduaEvent {

    public CampaignLaunched {
        title = Text.nfc(title);
        content = Text.nfc(content);
        basisPlans = List.copyOf(basisPlans);
        recipientUnitCodes = List.copyOf(recipientUnitCodes);
    }

    @Override
    public String partitionKey() {
        return campaignId;
    }
}
