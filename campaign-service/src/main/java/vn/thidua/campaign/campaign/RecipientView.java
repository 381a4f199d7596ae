package vn.thidua.campaign.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One recipient unit of a campaign and where it stands: notified, acknowledged (projection). */
@Entity
@Table(name = "campaign_recipient_view")
@IdClass(RecipientView.Key.class)
public class RecipientView extends PanacheEntityBase {
    /** Composite key: campaign and unit. */
    public record Key(String campaignId, String unitCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "campaign_id")
    public String campaignId;
    @Id
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "unit_name")
    public String unitName;
    @Column(name = "notified_at")
    public Instant notifiedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    public static List<RecipientView> ofCampaign(String campaignId) {
        return list("campaignId = ?1 order by unitCode", campaignId);
    }
}
