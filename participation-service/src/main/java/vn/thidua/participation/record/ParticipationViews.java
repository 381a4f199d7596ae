package vn.thidua.participation.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.thidua.contract.events.ParticipationRecorded;

/**
 * Writes {@code participation_view} and checks registrations on the path of every record in plain
 * SQL (on the transaction's connection): through Hibernate, persist, flush and the registration
 * count cost more CPU than the rest of the request (JFR, issue 9). Lists and filters stay with Panache.
 */
@ApplicationScoped
public class ParticipationViews {
    private static final String WRITTEN = "participation-view:";
    private static final String COLUMNS = "record_id, campaign_id, unit_code, member_id, kind, occurred_on, occurred_year, description, "
            + "evidence_document, evidence_link, recorded_at";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transaction;

    public ParticipationViews(DataSource dataSource, TransactionSynchronizationRegistry transaction) {
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** A recorded event and when it was stored: what its view is made of. */
    public record Recorded(ParticipationRecorded event, Instant at) {
    }

    /**
     * Adds the views of recorded events, in one statement batch; the unique indexes refuse a second
     * registration. The views are also kept for the rest of the transaction, for {@link #written}.
     */
    public void insert(List<Recorded> recorded) {
        List<ParticipationView> views = new ArrayList<>(recorded.size());
        for (Recorded r : recorded) {
            views.add(viewOf(r.event(), r.at()));
        }
        insertAll(views);
        views.forEach(v -> transaction.putResource(WRITTEN + v.recordId, v));
    }

    private static ParticipationView viewOf(ParticipationRecorded event, Instant recordedAt) {
        ParticipationView v = new ParticipationView();
        v.recordId = event.recordId();
        v.campaignId = event.campaignId();
        v.unitCode = event.unitCode();
        v.memberId = event.memberId();
        v.kind = event.kind();
        v.occurredOn = event.occurredOn();
        v.occurredYear = event.occurredOn().getYear();
        v.description = event.description();
        v.evidenceDocument = event.evidence() == null ? null : event.evidence().documentNumber();
        v.evidenceLink = event.evidence() == null ? null : event.evidence().link();
        v.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        return v;
    }

    /** The view written in this transaction for {@code recordId}, if any. */
    public Optional<ParticipationView> written(String recordId) {
        return Optional.ofNullable((ParticipationView) transaction.getResource(WRITTEN + recordId));
    }

    /** One statement for one view, a batch for more (the driver rewrites it as multi-row INSERTs: {@code reWriteBatchedInserts}). */
    private void insertAll(List<ParticipationView> views) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO participation_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ParticipationView v : views) {
                s.setString(1, v.recordId);
                s.setString(2, v.campaignId);
                s.setString(3, v.unitCode);
                s.setString(4, v.memberId);
                s.setString(5, v.kind.name());
                s.setObject(6, v.occurredOn);
                s.setInt(7, v.occurredYear);
                s.setString(8, v.description);
                s.setString(9, v.evidenceDocument);
                s.setString(10, v.evidenceLink);
                s.setTimestamp(11, Timestamp.from(v.recordedAt));
                if (views.size() > 1) {
                    s.addBatch();
                }
            }
            if (views.size() > 1) {
                s.executeBatch();
            } else {
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new ViewWriteException(e);
        }
    }

    /** Whether the member (or, with no member, the unit itself) already registered for the campaign. */
    public boolean registered(String campaignId, String unitCode, String memberId) {
        String sql = memberId != null
                ? "SELECT 1 FROM participation_view WHERE campaign_id = ? AND member_id = ? AND kind = 'REGISTERED' LIMIT 1"
                : "SELECT 1 FROM participation_view WHERE campaign_id = ? AND unit_code = ? AND member_id IS NULL AND kind = 'REGISTERED' LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, campaignId);
            s.setString(2, memberId != null ? memberId : unitCode);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("participation view query failed: " + e.getMessage(), e);
        }
    }

    /** A failed write of the view, with the database's exception as its cause (the duplicate-key check reads it). */
    static final class ViewWriteException extends RuntimeException {
        ViewWriteException(SQLException cause) {
            super("participation view write failed: " + cause.getMessage(), cause);
        }
    }
}
