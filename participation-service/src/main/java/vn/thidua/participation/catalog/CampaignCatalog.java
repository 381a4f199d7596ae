package vn.thidua.participation.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.kit.consumer.Delivered;
import vn.thidua.kit.problem.DomainException;

/**
 * What this service knows of the campaigns launched and the years closed, learned from Kafka
 * ({@code thidua.campaign.v1}, {@code thidua.appraisal.v1}) by an idempotent consumer; records are
 * validated against it.
 */
@ApplicationScoped
public class CampaignCatalog {

    /** A launched campaign as far as validation needs it. */
    public record KnownCampaign(String campaignId, String title, LocalDate from, LocalDate to) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private final DataSource dataSource;

    public CampaignCatalog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies a batch of new events (called by the consumer inside its transaction). */
    public static void apply(List<Delivered> batch, Connection c) throws SQLException {
        try (PreparedStatement campaign = c.prepareStatement(
                "INSERT INTO known_campaign (campaign_id, kind, title, period_from, period_to) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement recipient = c.prepareStatement(
                     "INSERT INTO known_recipient (campaign_id, unit_code) VALUES (?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement closed = c.prepareStatement(
                     "INSERT INTO closed_year (year, digest, closed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Delivered d : batch) {
                ThiduaEvent event = d.event().event();
                if (event instanceof CampaignLaunched l) {
                    campaign.setString(1, l.campaignId());
                    campaign.setString(2, l.kind().name());
                    campaign.setString(3, l.title());
                    campaign.setObject(4, l.period().from());
                    campaign.setObject(5, l.period().to());
                    campaign.addBatch();
                    for (String unit : l.recipientUnitCodes()) {
                        recipient.setString(1, l.campaignId());
                        recipient.setString(2, unit);
                        recipient.addBatch();
                    }
                } else if (event instanceof AppraisalClosed a) {
                    closed.setInt(1, a.year());
                    closed.setString(2, a.digest());
                    closed.setObject(3, java.sql.Timestamp.from(a.closedAt()));
                    closed.addBatch();
                }
            }
            campaign.executeBatch();
            recipient.executeBatch();
            closed.executeBatch();
        }
    }

    /** Where a record for {@code campaignId}, {@code unitCode} and {@code year} stands; empty when the campaign is not known. */
    public record Standing(KnownCampaign campaign, boolean unitIsRecipient, boolean yearClosed) {
    }

    /** A question of {@link #standings}: where a record for this campaign, unit and year stands. */
    public record Asked(String campaignId, String unitCode, int year) {
    }

    /**
     * The standing of every question asked (the campaign, whether the unit was notified of it, whether
     * the year is closed), in one statement (concurrent records and a batch ask many);
     * a question whose campaign is not known has no entry. The recipient and the closed year are looked
     * up by their keys per question ({@code LATERAL ... LIMIT 1}): as {@code EXISTS} or a join over
     * {@code unnest}, the prepared statement's generic plan hashed every recipient on every call.
     */
    public Map<Asked, Standing> standings(Collection<Asked> asked) {
        Map<Asked, Standing> found = new HashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        List<Asked> questions = List.copyOf(new HashSet<>(asked));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT q.campaign_id, q.unit_code, q.year, c.title, c.period_from, c.period_to, r.notified IS NOT NULL, y.closed IS NOT NULL
                FROM unnest(?::text[], ?::text[], ?::int[]) AS q(campaign_id, unit_code, year)
                JOIN known_campaign c ON c.campaign_id = q.campaign_id
                LEFT JOIN LATERAL (SELECT true AS notified FROM known_recipient r
                                   WHERE r.campaign_id = q.campaign_id AND r.unit_code = q.unit_code LIMIT 1) r ON true
                LEFT JOIN LATERAL (SELECT true AS closed FROM closed_year y WHERE y.year = q.year LIMIT 1) y ON true""")) {
            s.setArray(1, c.createArrayOf("text", questions.stream().map(Asked::campaignId).toArray()));
            s.setArray(2, c.createArrayOf("text", questions.stream().map(Asked::unitCode).toArray()));
            s.setArray(3, c.createArrayOf("int4", questions.stream().map(Asked::year).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    KnownCampaign campaign = new KnownCampaign(rs.getString(1), rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class));
                    found.put(new Asked(rs.getString(1), rs.getString(2), rs.getInt(3)), new Standing(campaign, rs.getBoolean(7), rs.getBoolean(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaign catalog query failed: " + e.getMessage(), e);
        }
        return found;
    }

    /** The closed years from {@code fromYear} to {@code toYear} (inclusive), in order. */
    public List<Integer> closedYears(int fromYear, int toYear) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT year FROM closed_year WHERE year BETWEEN ? AND ? ORDER BY year")) {
            s.setInt(1, fromYear);
            s.setInt(2, toYear);
            List<Integer> years = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
            return years;
        } catch (SQLException e) {
            throw new IllegalStateException("campaign catalog query failed: " + e.getMessage(), e);
        }
    }

    /** Refuses (409, retry) a write for a unit no campaign has notified: rosters and their facts are kept only for such units (DECISIONS 18). */
    public void requireNotified(String unitCode) {
        if (!unitNotified(unitCode)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "unit-not-notified", "No campaign sent to this unit is known here (yet)",
                    "unit " + unitCode + " has not been notified of any campaign seen on thidua.campaign.v1, so it has no roster here; "
                            + "check the code, or if a campaign was just sent to it, retry in a few seconds")
                    .with("retryAfterSeconds", 5);
        }
    }

    /** Whether any campaign read so far was sent to {@code unitCode}: rosters are kept only for such units (DECISIONS 18). */
    public boolean unitNotified(String unitCode) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM known_recipient WHERE unit_code = ?)")) {
            s.setString(1, unitCode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaign catalog query failed: " + e.getMessage(), e);
        }
    }
}
