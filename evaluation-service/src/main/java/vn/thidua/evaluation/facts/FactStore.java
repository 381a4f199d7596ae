package vn.thidua.evaluation.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.consumer.Delivered;
import vn.thidua.scoring.LogFacts;
import vn.thidua.scoring.Watermark;

/**
 * The facts of the log that scoring needs, each with its place in the log, as the consumer applies
 * them; and reading them back as {@link LogFacts}: a year's up to a {@link Watermark}, or the slice
 * of some members or units that the score tables recompute.
 */
@ApplicationScoped
public class FactStore {

    /** A participation record as stored, with its place in the log. */
    public record StoredRecord(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind,
                               LocalDate occurredOn, String description, int partition, long offset) {
    }

    /** An event at its place in the log, with its id. */
    public record Placed(int partition, long offset, String eventId, ThiduaEvent event) {
        static Placed of(Delivered d) {
            return new Placed(d.partition(), d.offset(), d.event().attributes().id(), d.event().event());
        }
    }

    private final DataSource dataSource;

    public FactStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a batch of events delivered once each, inside the consumer's transaction; returns what is new. */
    public static NewFacts apply(List<Delivered> batch, Connection c) throws SQLException {
        List<Placed> placed = new ArrayList<>(batch.size());
        for (Delivered d : batch) {
            placed.add(Placed.of(d));
        }
        return store(placed, c);
    }

    /** Stores events (in their log order) through {@code c}; returns the facts that were not stored before. */
    public static NewFacts store(List<Placed> batch, Connection c) throws SQLException {
        List<LogFacts.Campaign> campaigns = new ArrayList<>();
        List<NewFacts.RosterChange> roster = new ArrayList<>();
        List<Placed> records = new ArrayList<>(batch.size());
        List<AppraisalClosed> closes = new ArrayList<>();
        try (PreparedStatement campaign = c.prepareStatement("""
                     INSERT INTO ev_campaign (campaign_id, period_from, period_to, recipients, partition_no, record_offset)
                     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
             PreparedStatement rosterRow = c.prepareStatement("""
                     INSERT INTO ev_roster (event_id, unit_code, member_id, full_name, joined_on, left_on, partition_no, record_offset)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
             PreparedStatement personnel = c.prepareStatement("""
                     INSERT INTO ev_personnel (event_id, event_type, event_json, partition_no, record_offset)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (Placed d : batch) {
                ThiduaEvent event = d.event();
                if (event instanceof CampaignLaunched l) {
                    campaign.setString(1, l.campaignId());
                    campaign.setObject(2, l.period().from());
                    campaign.setObject(3, l.period().to());
                    campaign.setArray(4, c.createArrayOf("text", l.recipientUnitCodes().toArray()));
                    campaign.setInt(5, d.partition());
                    campaign.setLong(6, d.offset());
                    campaign.addBatch();
                    campaigns.add(new LogFacts.Campaign(l.campaignId(), l.period().from(), l.period().to(), Set.copyOf(l.recipientUnitCodes())));
                } else if (event instanceof MemberJoinedUnit j) {
                    rosterRow(rosterRow, d, j.unitCode(), j.memberId(), j.fullName(), j.joinedOn(), null);
                    roster.add(new NewFacts.RosterChange(j.unitCode(), j.memberId()));
                } else if (event instanceof MemberLeftUnit l) {
                    rosterRow(rosterRow, d, l.unitCode(), l.memberId(), l.fullName(), null, l.leftOn());
                    roster.add(new NewFacts.RosterChange(l.unitCode(), l.memberId()));
                } else if (event instanceof ParticipationRecorded) {
                    records.add(d);
                } else if (event instanceof AppraisalClosed a) {
                    ClosedYears.upsert(c, a);
                    closes.add(a);
                } else if (EventType.of(event).topic() == Topic.PERSONNEL) {
                    personnel.setString(1, d.eventId());
                    personnel.setString(2, EventType.of(event).name());
                    personnel.setString(3, new String(EventCodec.instance().encode(event), StandardCharsets.UTF_8));
                    personnel.setInt(4, d.partition());
                    personnel.setLong(5, d.offset());
                    personnel.addBatch();
                }
            }
            campaign.executeBatch();
            rosterRow.executeBatch();
            personnel.executeBatch();
        }
        return new NewFacts(campaigns, roster, insertRecords(records, c), closes);
    }

    /**
     * The batch's records in one statement over arrays (one per column): PostgreSQL parses, plans and
     * runs it once for the batch rather than once per row as a JDBC batch does. Returns the records
     * that were not stored before.
     */
    private static List<LogFacts.Record> insertRecords(List<Placed> records, Connection c) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        int n = records.size();
        String[] id = new String[n], campaign = new String[n], unit = new String[n], member = new String[n], kind = new String[n],
                occurred = new String[n], description = new String[n];
        Integer[] year = new Integer[n], partition = new Integer[n];
        Long[] offset = new Long[n];
        for (int i = 0; i < n; i++) {
            Placed d = records.get(i);
            ParticipationRecorded r = (ParticipationRecorded) d.event();
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
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ev_record (record_id, campaign_id, unit_code, member_id, kind, occurred_on, occurred_year, description,
                partition_no, record_offset)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], ?::int[], ?::text[],
                ?::int[], ?::bigint[])
                ON CONFLICT DO NOTHING RETURNING record_id""")) {
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
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        List<LogFacts.Record> out = new ArrayList<>(inserted.size());
        for (Placed d : records) {
            ParticipationRecorded r = (ParticipationRecorded) d.event();
            if (inserted.remove(r.recordId())) {
                out.add(new LogFacts.Record(r.recordId(), r.campaignId(), r.unitCode(), r.memberId(), r.kind(), r.occurredOn()));
            }
        }
        return out;
    }

    private static void rosterRow(PreparedStatement s, Placed d, String unit, String member, String name, LocalDate joined,
                                  LocalDate left) throws SQLException {
        s.setString(1, d.eventId());
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
    public static LogFacts load(Connection c, int year, Watermark cut) throws SQLException {
        LogFacts facts = new LogFacts();
        campaigns(c, cut, facts);
        stays(c, cut, null, facts);
        for (StoredRecord r : records(c, year)) {
            if (cut.contains(Topic.PARTICIPATION, r.partition(), r.offset())) {
                facts.record(r.recordId(), r.campaignId(), r.unitCode(), r.memberId(), r.kind(), r.occurredOn());
            }
        }
        return facts;
    }

    /**
     * The slice of the log that decides {@code members}' scores in {@code year} and their points
     * under each unit: every campaign ({@code campaigns}, as {@link #campaigns(Connection)} read them
     * in the same transaction), their roster changes and their records of the year (all facts
     * applied: an open year's cut).
     */
    public static LogFacts membersSlice(Connection c, int year, Collection<String> members, Collection<LogFacts.Campaign> campaigns)
            throws SQLException {
        LogFacts facts = withCampaigns(campaigns);
        stays(c, Watermark.ALL, members, facts);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT record_id, campaign_id, unit_code, member_id, kind, occurred_on FROM ev_record
                WHERE member_id = ANY(?) AND occurred_year = ? ORDER BY partition_no, record_offset""")) {
            s.setArray(1, c.createArrayOf("text", members.toArray()));
            s.setInt(2, year);
            readRecords(s, facts);
        }
        return facts;
    }

    /** The slice that decides {@code units}' own points in {@code year}: every campaign ({@code campaigns}) and the units' own records of the year. */
    public static LogFacts unitsOwnSlice(Connection c, int year, Collection<String> units, Collection<LogFacts.Campaign> campaigns)
            throws SQLException {
        LogFacts facts = withCampaigns(campaigns);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT record_id, campaign_id, unit_code, member_id, kind, occurred_on FROM ev_record
                WHERE member_id IS NULL AND unit_code = ANY(?) AND occurred_year = ? ORDER BY partition_no, record_offset""")) {
            s.setArray(1, c.createArrayOf("text", units.toArray()));
            s.setInt(2, year);
            readRecords(s, facts);
        }
        return facts;
    }

    private static LogFacts withCampaigns(Collection<LogFacts.Campaign> campaigns) {
        LogFacts facts = new LogFacts();
        for (LogFacts.Campaign campaign : campaigns) {
            facts.campaign(campaign.campaignId(), campaign.from(), campaign.to(), campaign.recipients());
        }
        return facts;
    }

    /** Every campaign applied. */
    public static List<LogFacts.Campaign> campaigns(Connection c) throws SQLException {
        LogFacts facts = new LogFacts();
        campaigns(c, Watermark.ALL, facts);
        return List.copyOf(facts.campaignList());
    }

    /** Who has records of {@code campaignId} in {@code years}: member ids (null for a unit's own record) by unit. */
    public static List<String[]> recordersOf(Connection c, String campaignId, Collection<Integer> years) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT occurred_year, unit_code, member_id FROM ev_record WHERE campaign_id = ? AND occurred_year = ANY(?)""")) {
            s.setString(1, campaignId);
            s.setArray(2, c.createArrayOf("int4", years.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {Integer.toString(rs.getInt(1)), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    private static void campaigns(Connection c, Watermark cut, LogFacts facts) throws SQLException {
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
    }

    /** Roster changes in log order (a unit's changes share a partition), of {@code members} only when not null. */
    private static void stays(Connection c, Watermark cut, Collection<String> members, LogFacts facts) throws SQLException {
        String sql = "SELECT unit_code, member_id, full_name, joined_on, left_on, partition_no, record_offset FROM ev_roster"
                + (members == null ? "" : " WHERE member_id = ANY(?)") + " ORDER BY partition_no, record_offset";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (members != null) {
                s.setArray(1, c.createArrayOf("text", members.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
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
        }
    }

    private static void readRecords(PreparedStatement s, LogFacts facts) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                facts.record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), ParticipationKind.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class));
            }
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

    /** The years that have records or a close. */
    public static List<Integer> years(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT occurred_year FROM ev_record UNION SELECT year FROM appraisal ORDER BY 1");
             ResultSet rs = s.executeQuery()) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        }
    }
}
