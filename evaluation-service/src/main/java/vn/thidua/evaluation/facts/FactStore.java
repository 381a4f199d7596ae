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

    /** What a batch stored: the facts that were new, and the events that brought them. */
    public record Stored(NewFacts facts, List<Delivered> applied) {
    }

    /**
     * Stores a batch of events inside the consumer's transaction, idempotently by their own keys
     * (a record's id, a roster change's, a personnel event's or a close's event id or year, a
     * campaign's id): an event stored before, redelivered or re-sent, stores nothing and is not new.
     */
    public static Stored apply(List<Delivered> batch, Connection c) throws SQLException {
        List<Placed> placed = new ArrayList<>(batch.size());
        for (Delivered d : batch) {
            placed.add(Placed.of(d));
        }
        boolean[] fresh = new boolean[batch.size()];
        NewFacts facts = store(placed, c, fresh);
        List<Delivered> applied = new ArrayList<>(batch.size());
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i]) {
                applied.add(batch.get(i));
            }
        }
        return new Stored(facts, applied);
    }

    /** Stores events (in their log order) through {@code c}; returns the facts that were not stored before. */
    public static NewFacts store(List<Placed> batch, Connection c) throws SQLException {
        return store(batch, c, new boolean[batch.size()]);
    }

    /**
     * Stores events; {@code fresh[i]} tells whether the i-th stored something new (an event the
     * projection does not keep, e.g. a notification, counts as new: nothing tells it from a redelivery).
     */
    private static NewFacts store(List<Placed> batch, Connection c, boolean[] fresh) throws SQLException {
        List<LogFacts.Campaign> campaigns = new ArrayList<>();
        List<Integer> roster = new ArrayList<>();
        List<Integer> records = new ArrayList<>(batch.size());
        List<Integer> personnel = new ArrayList<>();
        List<AppraisalClosed> closes = new ArrayList<>();
        try (PreparedStatement campaign = c.prepareStatement("""
                INSERT INTO ev_campaign (campaign_id, period_from, period_to, recipients, partition_no, record_offset)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int i = 0; i < batch.size(); i++) {
                Placed d = batch.get(i);
                ThiduaEvent event = d.event();
                if (event instanceof CampaignLaunched l) {
                    // one at a time: campaigns are few, and each statement's count says whether it was new
                    campaign.setString(1, l.campaignId());
                    campaign.setObject(2, l.period().from());
                    campaign.setObject(3, l.period().to());
                    campaign.setArray(4, c.createArrayOf("text", l.recipientUnitCodes().toArray()));
                    campaign.setInt(5, d.partition());
                    campaign.setLong(6, d.offset());
                    if (campaign.executeUpdate() == 1) {
                        fresh[i] = true;
                        campaigns.add(new LogFacts.Campaign(l.campaignId(), l.period().from(), l.period().to(), Set.copyOf(l.recipientUnitCodes())));
                    }
                } else if (event instanceof MemberJoinedUnit || event instanceof MemberLeftUnit) {
                    roster.add(i);
                } else if (event instanceof ParticipationRecorded) {
                    records.add(i);
                } else if (event instanceof AppraisalClosed a) {
                    fresh[i] = ClosedYears.upsert(c, a);
                    // listed even when stored before: the close's own transaction stores it, the tables still open drop it when read back
                    closes.add(a);
                } else if (EventType.of(event).topic() == Topic.PERSONNEL) {
                    personnel.add(i);
                } else {
                    fresh[i] = true;
                }
            }
        }
        List<NewFacts.RosterChange> rosterChanges = insertRoster(batch, roster, c, fresh);
        insertPersonnel(batch, personnel, c, fresh);
        return new NewFacts(campaigns, rosterChanges, insertRecords(batch, records, c, fresh), closes);
    }

    /** The roster changes at {@code indexes} in one statement; returns those not stored before (by event id). */
    private static List<NewFacts.RosterChange> insertRoster(List<Placed> batch, List<Integer> indexes, Connection c, boolean[] fresh)
            throws SQLException {
        if (indexes.isEmpty()) {
            return List.of();
        }
        int n = indexes.size();
        String[] id = new String[n], unit = new String[n], member = new String[n], name = new String[n], joined = new String[n],
                left = new String[n];
        Integer[] partition = new Integer[n];
        Long[] offset = new Long[n];
        for (int k = 0; k < n; k++) {
            Placed d = batch.get(indexes.get(k));
            id[k] = d.eventId();
            partition[k] = d.partition();
            offset[k] = d.offset();
            if (d.event() instanceof MemberJoinedUnit j) {
                unit[k] = j.unitCode();
                member[k] = j.memberId();
                name[k] = j.fullName();
                joined[k] = j.joinedOn().toString();
            } else {
                MemberLeftUnit l = (MemberLeftUnit) d.event();
                unit[k] = l.unitCode();
                member[k] = l.memberId();
                name[k] = l.fullName();
                left[k] = l.leftOn().toString();
            }
        }
        Set<String> inserted = returning(c, """
                INSERT INTO ev_roster (event_id, unit_code, member_id, full_name, joined_on, left_on, partition_no, record_offset)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], ?::text[]::date[], ?::int[], ?::bigint[])
                ON CONFLICT DO NOTHING RETURNING event_id""", new Object[][] {id, unit, member, name, joined, left, partition, offset});
        List<NewFacts.RosterChange> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (inserted.remove(id[k])) {
                fresh[indexes.get(k)] = true;
                out.add(new NewFacts.RosterChange(unit[k], member[k]));
            }
        }
        return out;
    }

    /** The personnel events at {@code indexes} (kept whole, for the review), in one statement. */
    private static void insertPersonnel(List<Placed> batch, List<Integer> indexes, Connection c, boolean[] fresh) throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        int n = indexes.size();
        String[] id = new String[n], type = new String[n], json = new String[n];
        Integer[] partition = new Integer[n];
        Long[] offset = new Long[n];
        for (int k = 0; k < n; k++) {
            Placed d = batch.get(indexes.get(k));
            id[k] = d.eventId();
            type[k] = EventType.of(d.event()).name();
            json[k] = new String(EventCodec.instance().encode(d.event()), StandardCharsets.UTF_8);
            partition[k] = d.partition();
            offset[k] = d.offset();
        }
        Set<String> inserted = returning(c, """
                INSERT INTO ev_personnel (event_id, event_type, event_json, partition_no, record_offset)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[])
                ON CONFLICT DO NOTHING RETURNING event_id""", new Object[][] {id, type, json, partition, offset});
        for (int k = 0; k < n; k++) {
            if (inserted.remove(id[k])) {
                fresh[indexes.get(k)] = true;
            }
        }
    }

    /** Runs an INSERT … SELECT FROM unnest(arrays) … RETURNING key; the arrays' SQL types from their Java element type. */
    private static Set<String> returning(Connection c, String sql, Object[][] columns) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                Object[] column = columns[i];
                String type = column instanceof Integer[] ? "int4" : column instanceof Long[] ? "int8" : "text";
                s.setArray(i + 1, c.createArrayOf(type, column));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The records at {@code indexes} in one statement over arrays (one per column): PostgreSQL parses,
     * plans and runs it once for the batch rather than once per row as a JDBC batch does. Returns the
     * records that were not stored before (a record id seen before is not new).
     */
    private static List<LogFacts.Record> insertRecords(List<Placed> batch, List<Integer> indexes, Connection c, boolean[] fresh)
            throws SQLException {
        if (indexes.isEmpty()) {
            return List.of();
        }
        int n = indexes.size();
        String[] id = new String[n], campaign = new String[n], unit = new String[n], member = new String[n], kind = new String[n],
                occurred = new String[n], description = new String[n];
        Integer[] year = new Integer[n], partition = new Integer[n];
        Long[] offset = new Long[n];
        for (int k = 0; k < n; k++) {
            Placed d = batch.get(indexes.get(k));
            ParticipationRecorded r = (ParticipationRecorded) d.event();
            id[k] = r.recordId();
            campaign[k] = r.campaignId();
            unit[k] = r.unitCode();
            member[k] = r.memberId();
            kind[k] = r.kind().name();
            occurred[k] = r.occurredOn().toString();
            year[k] = r.occurredOn().getYear();
            description[k] = r.description();
            partition[k] = d.partition();
            offset[k] = d.offset();
        }
        Set<String> inserted = returning(c, """
                INSERT INTO ev_record (record_id, campaign_id, unit_code, member_id, kind, occurred_on, occurred_year, description,
                partition_no, record_offset)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], ?::int[], ?::text[],
                ?::int[], ?::bigint[])
                ON CONFLICT DO NOTHING RETURNING record_id""",
                new Object[][] {id, campaign, unit, member, kind, occurred, year, description, partition, offset});
        List<LogFacts.Record> out = new ArrayList<>(inserted.size());
        for (int k = 0; k < n; k++) {
            ParticipationRecorded r = (ParticipationRecorded) batch.get(indexes.get(k)).event();
            if (inserted.remove(r.recordId())) {
                fresh[indexes.get(k)] = true;
                out.add(new LogFacts.Record(r.recordId(), r.campaignId(), r.unitCode(), r.memberId(), r.kind(), r.occurredOn()));
            }
        }
        return out;
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
