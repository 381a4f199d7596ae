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
import vn.thidua.scoring.Watermark;

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
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            List<Delivered> records = new ArrayList<>(batch.size());
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
                } else if (event instanceof ParticipationRecorded) {
                    records.add(d);
                } else if (event instanceof AppraisalClosed a) {
                    AppraisalRows.upsert(c, a);
                }
            }
            campaign.executeBatch();
            roster.executeBatch();
            insertRecords(records, c);
        }
    }

    /**
     * The batch's records in one statement over arrays (one per column): PostgreSQL parses, plans and
     * runs it once for the batch rather than once per row as a JDBC batch does.
     */
    private static void insertRecords(List<Delivered> records, Connection c) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        int n = records.size();
        String[] id = new String[n], campaign = new String[n], unit = new String[n], member = new String[n], kind = new String[n],
                occurred = new String[n], description = new String[n];
        Integer[] year = new Integer[n], partition = new Integer[n];
        Long[] offset = new Long[n];
        for (int i = 0; i < n; i++) {
            Delivered d = records.get(i);
            ParticipationRecorded r = (ParticipationRecorded) d.event().event();
            id[i] = r.recordId();
            campaign[i] = r.campaignId();
            unit[i] = r.unitCode();
            member[i] = r.memberId();
            kind[i] = r.kind().name();
            occurred[i] = r.occurredOn().toString();
            year[i] = r.occurredOn().getYear();
            description[i] = r.description();
            partition[i] = d.partition();
            offset[i] = d.offset();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ev_record (record_id, campaign_id, unit_code, member_id, kind, occurred_on, occurred_year, description,
                partition_no, record_offset)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], ?::int[], ?::text[],
                ?::int[], ?::bigint[])
                ON CONFLICT DO NOTHING""")) {
            s.setArray(1, c.createArrayOf("text", id));
            s.setArray(2, c.createArrayOf("text", campaign));
            s.setArray(3, c.createArrayOf("text", unit));
            s.setArray(4, c.createArrayOf("text", member));
            s.setArray(5, c.createArrayOf("text", kind));
            s.setArray(6, c.createArrayOf("text", occurred));
            s.setArray(7, c.createArrayOf("int4", year));
            s.setArray(8, c.createArrayOf("text", description));
            s.setArray(9, c.createArrayOf("int4", partition));
            s.setArray(10, c.createArrayOf("int8", offset));
            s.executeUpdate();
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
                    if (cut.contains(Topic.CAMPAIGN, rs.getInt(5), rs.getLong(6))) {
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
                    if (!cut.contains(Topic.ROSTER, rs.getInt(6), rs.getLong(7))) {
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
                if (cut.contains(Topic.PARTICIPATION, r.partition(), r.offset())) {
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
                if (!cut.contains(Topic.PARTICIPATION, r.partition(), r.offset())) {
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
