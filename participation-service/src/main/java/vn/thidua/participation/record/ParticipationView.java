package vn.thidua.participation.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;

/** A recorded participation as the API lists it (projection of {@code ParticipationRecorded}). */
@Entity
@Table(name = "participation_view")
public class ParticipationView extends PanacheEntityBase {
    @Id
    @Column(name = "record_id")
    public String recordId;
    @Column(name = "campaign_id")
    public String campaignId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "member_id")
    public String memberId;
    @Enumerated(EnumType.STRING)
    public ParticipationKind kind;
    @Column(name = "occurred_on")
    public LocalDate occurredOn;
    @Column(name = "occurred_year")
    public int occurredYear;
    public String description;
    @JsonIgnore
    @Column(name = "evidence_document")
    public String evidenceDocument;
    @JsonIgnore
    @Column(name = "evidence_link")
    public String evidenceLink;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The evidence as requests send it ({@code documentNumber}, {@code link}); none when the record has none. */
    public Evidence getEvidence() {
        return evidenceDocument == null && evidenceLink == null ? null : new Evidence(evidenceDocument, evidenceLink);
    }
}
