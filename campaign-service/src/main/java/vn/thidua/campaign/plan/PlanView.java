package vn.thidua.campaign.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import vn.thidua.contract.events.Period;

/** A registered plan as the API shows it (projection of {@link PlanRegistered}). */
@Entity
@Table(name = "plan_view")
public class PlanView extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public String planId;
    public String number;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    public String issuer;
    public String title;
    @JsonIgnore
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @JsonIgnore
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Column(name = "registered_at")
    public Instant registeredAt;

    /** The period as requests send it ({@code from}, {@code to}); none when the plan gave none. */
    public Period getPeriod() {
        return periodFrom == null ? null : new Period(periodFrom, periodTo);
    }

    public static PlanView findByNumber(String number) {
        return find("number", number).firstResult();
    }
}
