package vn.thidua.campaign.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.PlanReference;

/** A launched campaign as the API shows it (projection of {@code CampaignLaunched}). */
@Entity
@Table(name = "campaign_view")
public class CampaignView extends PanacheEntityBase {
    @Id
    @Column(name = "campaign_id")
    public String campaignId;
    @Enumerated(EnumType.STRING)
    public CampaignKind kind;
    public String title;
    public String content;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "basis_plans")
    public List<PlanReference> basisPlans;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "document_issued_on")
    public LocalDate documentIssuedOn;
    @Column(name = "signer_name")
    public String signerName;
    @Column(name = "signer_capacity")
    public String signerCapacity;
    @Column(name = "launched_at")
    public Instant launchedAt;
}
