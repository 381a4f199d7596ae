package vn.thidua.participation.record;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import vn.thidua.contract.events.ParticipationRecorded;

/**
 * Keeps {@link ParticipationView} in the command's transaction (processor "views"). Flushes at once
 * so that the one-registration rule (a unique index) refuses a second REGISTERED inside the command.
 */
@Singleton
@ProcessingGroup("views")
public class ParticipationProjection {
    private final EntityManager em;

    public ParticipationProjection(EntityManager em) {
        this.em = em;
    }

    @EventHandler
    void on(ParticipationRecorded event, @Timestamp Instant at) {
        ParticipationView view = new ParticipationView();
        view.recordId = event.recordId();
        view.campaignId = event.campaignId();
        view.unitCode = event.unitCode();
        view.memberId = event.memberId();
        view.kind = event.kind();
        view.occurredOn = event.occurredOn();
        view.occurredYear = event.occurredOn().getYear();
        view.description = event.description();
        view.evidenceDocument = event.evidence() == null ? null : event.evidence().documentNumber();
        view.evidenceLink = event.evidence() == null ? null : event.evidence().link();
        view.recordedAt = at;
        em.persist(view);
        em.flush();
    }
}
