package vn.thidua.evaluation.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.evaluation.appraisal.AppraisalRows;
import vn.thidua.kit.consumer.Delivered;
import vn.thidua.scoring.LogFacts;

/**
 * The facts of the log that scoring needs, each with its place in the log, as the consumer applies
 * them; and reading them back as {@link LogFacts} for a year, up to a {@link Watermark}.
 */
@ApplicationScoped
public class FactStore {

    /** A participation record as stored, with its place in the log. */
    public record StoredRecord(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind,
                               LocalDate occurredOn, String description, int partition, long offset) {
    }

    private final DataSource dataSource;

    public FactStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies a batch of new events inside the consumer's transaction. */
    public static void apply(List<Delivered> batch, Connection c) throws SQLException {
        try (PreparedStatement campaign = c.prepareStatement("""
                     INSERT INTO ev_campaign (campaign_id, period_from, period_to, recipients, partition_no, record_offset)
                     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
             PreparedStatement roster = c.prepareStatement("""
                     INSERT INTO ev_roster (event_id, unit_code, member_id, full_name, joined_on, left_on, partition_no, record_offset)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
             PreparedStatement record = c.prepareStatement("""
                     INSERT INTO ev_record (record_id, campaign_id, unit_code, member_id, kind, occurred_on, occurred_year, description,
                     partition_no, record_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (Delivered d : batch) {
                ThiduaEvent event = d.event().event();
                if (event instanceof CampaignLaunched l) {
                    campaign.setString(1, l.campaignId());
                    campaign.setObject(2, l.period().from());
                    campaign.setObject(3, l.period().to());
                    campaign.setArray(4, c.createArrayOf("text", l.recipientUnitCodes().toArray()));
                    campaign.setInt(5, d.partition());
                    campaign.setLong(6, d.offset());
                    campaign.addBatch();
                } else if (event instanceof MemberJoinedUnit j) {
                    rosterRow(roster, d, j.unitCode(), j.memberId(), j.fullName(), j.joinedOn(), null);
                } else if (event instanceof MemberLeftUnit l) {
                    rosterRow(roster, d, l.unitCode(), l.memberId(), l.fullName(), null, l.leftOn());
                } else if (event instanceof ParticipationRecorded r) {
                    record.setString(1, r.recordId());
                    record.setString(2, r.campaignId());
                    record.setString(3, r.unitCode());
                    record.setString(4, r.memberId());
                    record.setString(5, r.kind().name());
                    record.setObject(6, r.occurredOn());
                    record.setInt(7, r.occurredOn().getYear());
                    record.setString(8, r.description());
                    record.setInt(9, d.partition());
                    record.setLong(10, d.offset());
                    record.addBatch();
                } else if (event instanceof AppraisalClosed a) {
                    AppraisalRows.upsert(c, a);
                }
            }
            campaign.executeBatch();
            roster.executeBatch();
            record.executeBatch();
        }
    }

    private static void rosterRow(PreparedStatement s, Delivered d, String unit, String member, String name, LocalDate joined,
                                  LocalDate left) throws SQLException {
        s.setString(1, d.event().attributes().id());
        s.setString(2, unit);
        s.setString(3, member);
        s.setString(4, name);
        s.setObject(5, joined);
        s.setObject(6, left);
        s.setInt(7, d.partition());
        s.setLong(8, d.offset());
        s.addBatch();
    }

    /** The facts for scoring {@code year}: every campaign and roster change, and the year's records, inside {@code cut}. */
    public LogFacts load(int year, Watermark cut) {
        LogFacts facts = new LogFacts();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT campaign_id, period_from, period_to, recipients, partition_no, record_offset FROM ev_campaign");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (cut.contains(Topic.CAMPAIGN.address(), rs.getInt(5), rs.getLong(6))) {
                        facts.campaign(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                                Arrays.asList((String[]) rs.getArray(4).getArray()));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT unit_code, member_id, full_name, joined_on, left_on, partition_no, record_offset
                    FROM ev_roster ORDER BY partition_no, record_offset""");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!cut.contains(Topic.ROSTER.address(), rs.getInt(6), rs.getLong(7))) {
                        continue;
                    }
                    LocalDate joined = rs.getObject(4, LocalDate.class);
                    if (joined != null) {
                        facts.joined(rs.getString(1), rs.getString(2), rs.getString(3), joined);
                    } else {
                        facts.left(rs.getString(1), rs.getString(2), rs.getObject(5, LocalDate.class));
                    }
                }
            }
            for (StoredRecord r : records(c, year)) {
                if (cut.contains(Topic.PARTICIPATION.address(), r.partition(), r.offset())) {
                    facts.record(r.recordId(), r.campaignId(), r.unitCode(), r.memberId(), r.kind(), r.occurredOn());
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the facts of " + year + ": " + e.getMessage(), e);
        }
    }

    /** The year's records outside {@code cut}: the late ones of a closed year. */
    public List<StoredRecord> outside(int year, Watermark cut) {
        try (Connection c = dataSource.getConnection()) {
            List<StoredRecord> out = new ArrayList<>();
            for (StoredRecord r : records(c, year)) {
                if (!cut.contains(Topic.PARTICIPATION.address(), r.partition(), r.offset())) {
                    out.add(r);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the records of " + year + ": " + e.getMessage(), e);
        }
    }

    private static List<StoredRecord> records(Connection c, int year) throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT record_id, campaign_id, unit_code, member_id, kind, occurred_on, description, partition_no, record_offset
                FROM ev_record WHERE occurred_year = ? ORDER BY partition_no, record_offset""")) {
            s.setInt(1, year);
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            ParticipationKind.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getInt(8), rs.getLong(9)));
                }
            }
        }
        return out;
    }

    /** The years that have records. */
    public List<Integer> years() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT occurred_year FROM ev_record ORDER BY 1");
             ResultSet rs = s.executeQuery()) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
