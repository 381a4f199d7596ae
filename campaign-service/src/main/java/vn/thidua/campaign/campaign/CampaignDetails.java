package vn.thidua.campaign.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;

/** A campaign with each recipient's status, as {@code GET /api/campaigns/{id}} shows it. */
public record CampaignDetails(
        String campaignId,
        CampaignKind kind,
        String title,
        String content,
        List<PlanReference> basisPlans,
        Period period,
        LaunchDocument launchDocument,
        Instant launchedAt,
        List<RecipientStatus> recipients) {

    /** Where one recipient unit stands. */
    public record RecipientStatus(String unitCode, String unitName, Instant notifiedAt, boolean acknowledged, String acknowledgedBy,
                                  Instant acknowledgedAt) {
    }

    static CampaignDetails of(CampaignView v, List<RecipientView> recipients) {
        return new CampaignDetails(v.campaignId, v.kind, v.title, v.content, v.basisPlans, new Period(v.periodFrom, v.periodTo),
                new LaunchDocument(v.documentNumber, v.documentIssuedOn, v.signerName, v.signerCapacity), v.launchedAt,
                recipients.stream().map(r -> new RecipientStatus(r.unitCode, r.unitName, r.notifiedAt, r.acknowledgedAt != null,
                        r.acknowledgedBy, r.acknowledgedAt)).toList());
    }

    /** A campaign in a list, without its content and recipients. */
    public record Summary(String campaignId, CampaignKind kind, String title, LocalDate from, LocalDate to, String documentNumber,
                          int recipients, int acknowledged) {
    }
}
