package vn.thidua.participation.roster;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;

/** Keeps {@link MembershipView} in the same transaction as the roster events (processor "views"). */
@Singleton
@ProcessingGroup("views")
public class RosterProjection {
    private final EntityManager em;

    public RosterProjection(EntityManager em) {
        this.em = em;
    }

    @EventHandler
    void on(MemberJoinedUnit event) {
        MembershipView view = new MembershipView();
        view.unitCode = event.unitCode();
        view.memberId = event.memberId();
        view.joinedOn = event.joinedOn();
        view.fullName = event.fullName();
        view.position = event.position();
        em.persist(view);
    }

    @EventHandler
    void on(MemberLeftUnit event) {
        em.createQuery("update MembershipView m set m.leftOn = :left where m.unitCode = :unit and m.memberId = :member and m.leftOn is null")
                .setParameter("left", event.leftOn())
                .setParameter("unit", event.unitCode())
                .setParameter("member", event.memberId())
                .executeUpdate();
    }
}
