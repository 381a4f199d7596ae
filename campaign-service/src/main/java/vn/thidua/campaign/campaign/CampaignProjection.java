package vn.thidua.campaign.campaign;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.NotificationAcknowledged;

/** Keeps the campaign views in the same transaction as the events (subscribing processor "views"). */
@Singleton
@ProcessingGroup("views")
public class CampaignProjection {
    private final EntityManager em;

    public CampaignProjection(EntityManager em) {
        this.em = em;
    }

    @EventHandler
    void on(CampaignLaunched event, @Timestamp Instant at) {
        CampaignView view = new CampaignView();
        view.campaignId = event.campaignId();
        view.kind = event.kind();
        view.title = event.title();
        view.content = event.content();
        view.basisPlans = event.basisPlans();
        view.periodFrom = event.period().from();
        view.periodTo = event.period().to();
        view.documentNumber = event.launchDocument().number();
        view.documentIssuedOn = event.launchDocument().issuedOn();
        view.signerName = event.launchDocument().signerName();
        view.signerCapacity = event.launchDocument().signerCapacity();
        view.launchedAt = at;
        em.persist(view);
    }

    @EventHandler
    void on(DepartmentNotified event, @Timestamp Instant at) {
        RecipientView view = new RecipientView();
        view.campaignId = event.campaignId();
        view.unitCode = event.unitCode();
        view.unitName = event.unitName();
        view.notifiedAt = at;
        em.persist(view);
    }

    @EventHandler
    void on(NotificationAcknowledged event) {
        RecipientView view = em.find(RecipientView.class, new RecipientView.Key(event.campaignId(), event.unitCode()));
        view.acknowledgedBy = event.acknowledgedBy();
        view.acknowledgedAt = event.acknowledgedAt();
    }
}
