package vn.thidua.campaign.plan;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/** Keeps {@link PlanView} in the same transaction as the event (subscribing processor "views"). */
@Singleton
@ProcessingGroup("views")
public class PlanProjection {
    private final EntityManager em;

    public PlanProjection(EntityManager em) {
        this.em = em;
    }

    @EventHandler
    void on(PlanRegistered event, @Timestamp Instant at) {
        PlanView view = new PlanView();
        view.planId = event.planId();
        view.number = event.details().number();
        view.issuedOn = event.details().issuedOn();
        view.issuer = event.details().issuer();
        view.title = event.details().title();
        view.periodFrom = event.details().period() == null ? null : event.details().period().from();
        view.periodTo = event.details().period() == null ? null : event.details().period().to();
        view.registeredAt = at;
        em.persist(view);
    }
}
