package vn.thidua.participation.personnel;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.UnitRated;

/** Keeps the review's input views in the same transaction as their events (processor "views"): the last event of a key wins. */
@Singleton
@ProcessingGroup("views")
public class PersonnelProjection {
    private final EntityManager em;

    public PersonnelProjection(EntityManager em) {
        this.em = em;
    }

    @EventHandler
    void on(MemberRated event) {
        em.createNativeQuery("""
                        INSERT INTO member_rating (member_id, year, unit_code, rating) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (member_id, year) DO UPDATE SET unit_code = EXCLUDED.unit_code, rating = EXCLUDED.rating""")
                .setParameter(1, event.memberId()).setParameter(2, event.year()).setParameter(3, event.unitCode())
                .setParameter(4, event.rating().name()).executeUpdate();
    }

    @EventHandler
    void on(UnitRated event) {
        em.createNativeQuery("""
                        INSERT INTO unit_rating (unit_code, year, rating) VALUES (?1, ?2, ?3)
                        ON CONFLICT (unit_code, year) DO UPDATE SET rating = EXCLUDED.rating""")
                .setParameter(1, event.unitCode()).setParameter(2, event.year()).setParameter(3, event.rating().name()).executeUpdate();
    }

    @EventHandler
    void on(MemberDisciplined event) {
        em.createNativeQuery("""
                        INSERT INTO member_discipline (member_id, decision_number, unit_code, level, from_date, to_date)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (member_id, decision_number) DO UPDATE SET unit_code = EXCLUDED.unit_code, level = EXCLUDED.level,
                            from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date""")
                .setParameter(1, event.memberId()).setParameter(2, event.decisionNumber()).setParameter(3, event.unitCode())
                .setParameter(4, event.level().name()).setParameter(5, event.from())
                .setParameter(6, event.to() == null ? null : java.sql.Date.valueOf(event.to())).executeUpdate();
    }

    @EventHandler
    void on(MemberRecruited event) {
        em.createNativeQuery("""
                        INSERT INTO member_recruitment (member_id, recruited_on) VALUES (?1, ?2)
                        ON CONFLICT (member_id) DO UPDATE SET recruited_on = EXCLUDED.recruited_on""")
                .setParameter(1, event.memberId()).setParameter(2, event.recruitedOn()).executeUpdate();
    }
}
