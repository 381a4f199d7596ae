package vn.thidua.campaign.campaign;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;

/** Launch a campaign (phát động phong trào thi đua) and notify every recipient unit. */
public record LaunchCampaign(
        @TargetAggregateIdentifier String campaignId,
        CampaignKind kind,
        String title,
        String content,
        List<PlanReference> basisPlans,
        Period period,
        LaunchDocument launchDocument,
        List<Recipient> recipients) {
}
