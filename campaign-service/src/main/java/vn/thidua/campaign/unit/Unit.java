package vn.thidua.campaign.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A division or attached unit of the department (phòng, đơn vị thuộc Sở), identified by its code.
 * Reference data kept as a plain table: what matters to the log is the name it had when a campaign
 * notified it, and that is in {@code DepartmentNotified}.
 */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String head;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
