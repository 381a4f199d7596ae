package vn.thidua.participation.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** One stay of a member on a unit's roster (projection of the roster events). */
@Entity
@Table(name = "roster_membership")
@IdClass(MembershipView.Key.class)
public class MembershipView extends PanacheEntityBase {
    /** Composite key: unit, member and the day the stay began. */
    public record Key(String unitCode, String memberId, LocalDate joinedOn) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "unit_code")
    public String unitCode;
    @Id
    @Column(name = "member_id")
    public String memberId;
    @Id
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    @Column(name = "full_name")
    public String fullName;
    public String position;
    @Column(name = "left_on")
    public LocalDate leftOn;

    /** Members on the unit's roster on {@code day}: joined on or before it, not left by it. */
    public static List<MembershipView> onRoster(String unitCode, LocalDate day) {
        return list("unitCode = ?1 and joinedOn <= ?2 and (leftOn is null or leftOn > ?2) order by memberId", unitCode, day);
    }

    /** Every stay of a unit, for the roster's history. */
    public static List<MembershipView> ofUnit(String unitCode) {
        return list("unitCode = ?1 order by memberId, joinedOn", unitCode);
    }
}
