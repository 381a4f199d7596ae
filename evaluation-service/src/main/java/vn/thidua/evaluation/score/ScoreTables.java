package vn.thidua.evaluation.score;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.evaluation.facts.ClosedYears;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.facts.FactsListener;
import vn.thidua.evaluation.facts.NewFacts;
import vn.thidua.scoring.LogFacts;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.scoring.ScoringPolicy;
import vn.thidua.scoring.Watermark;

/**
 * The score tables in PostgreSQL, kept up to date fact by fact in the transaction that stores the
 * fact. The shared {@link Scorer} stays the definition: a year is seeded with it over all its facts
 * ({@link #seed}), and each change recomputes with it only the slice the new facts can change:
 * <ul>
 *   <li>a record, or a roster change of a member: that member's slice (their roster stays, their
 *   records of the year, the campaigns), hence their score, their points under each unit, their
 *   counted records;</li>
 *   <li>a unit's own record: that unit's own records;</li>
 *   <li>a campaign: the slices of those who recorded under it (usually none: campaigns come first),
 *   and its recipients' rows;</li>
 * </ul>
 * then the lines of the units touched: their roster sums (size, members with records, points) as
 * stored, changed by what their roster rows' changes add or take away, and from them coverage and score.
 * Ranks are not stored: the units' are {@link Scorer#rankUnits} applied to the stored lines when
 * they are read (a few hundred, by {@link ScoreReads}), the members' the order of the stored scores, read with them. The
 * campaigns are read once per transaction, and only when a slice or a unit's line needs them. Only
 * OPEN years change; a CLOSED year holds the table at its close's watermark.
 */
@Singleton
public class ScoreTables implements FactsListener {
    /** The advisory locks' class: (CLASS, 0) guards seeding against the consumer, (CLASS, year) a year's tables. */
    private static final int CLASS = 0x7468;

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    /**
     * Taken alone by a seed and by a close: no consumer transaction is then half-way, so the facts
     * and positions they read are one state of the log.
     */
    public static void lockAlone(Connection c) throws SQLException {
        lock(c, "SELECT pg_advisory_xact_lock(?, 0)");
    }

    private static void lockShared(Connection c) throws SQLException {
        lock(c, "SELECT pg_advisory_xact_lock_shared(?, 0)");
    }

    private static void lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, CLASS);
            s.executeQuery().close();
        }
    }

    private static void lockYear(Connection c, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            s.setInt(1, CLASS);
            s.setInt(2, year);
            s.executeQuery().close();
        }
    }

    /** What a year's new facts leave to recompute. */
    private static final class Dirty {
        final Set<String> members = new HashSet<>();
        final Set<String> unitsOwn = new HashSet<>();
        final Set<String> units = new HashSet<>();
        long newRecords;
    }

    @Override
    public void applied(NewFacts facts, Connection c) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        lockShared(c);
        Map<Integer, String> open = openYears(c);
        if (open.isEmpty()) {
            return;
        }
        TreeMap<Integer, Dirty> dirty = new TreeMap<>();
        for (AppraisalClosed close : facts.closes()) {
            if (open.remove(close.year()) != null) {
                // closed elsewhere (read back from the topic): seeded again at its watermark when read
                lockYear(c, close.year());
                forget(c, close.year());
            }
        }
        for (LogFacts.Record r : facts.records()) {
            int year = r.occurredOn().getYear();
            if (open.containsKey(year)) {
                Dirty d = dirty.computeIfAbsent(year, y -> new Dirty());
                d.newRecords++;
                (r.memberId() == null ? d.unitsOwn : d.members).add(r.memberId() == null ? r.unitCode() : r.memberId());
            }
        }
        for (NewFacts.RosterChange change : facts.roster()) {
            for (int year : open.keySet()) {
                dirty.computeIfAbsent(year, y -> new Dirty()).members.add(change.memberId());
            }
        }
        for (LogFacts.Campaign campaign : facts.campaigns()) {
            for (int year : open.keySet()) {
                if (campaign.overlaps(year)) {
                    dirty.computeIfAbsent(year, y -> new Dirty()).units.addAll(campaign.recipients());
                }
            }
            for (String[] recorder : FactStore.recordersOf(c, campaign.campaignId(), open.keySet())) {
                Dirty d = dirty.computeIfAbsent(Integer.parseInt(recorder[0]), y -> new Dirty());
                if (recorder[2] == null) {
                    d.unitsOwn.add(recorder[1]);
                } else {
                    d.members.add(recorder[2]);
                }
            }
        }
        Campaigns campaigns = new Campaigns(c);
        // years in ascending order: two partitions' transactions never wait on each other in a cycle
        for (Map.Entry<Integer, Dirty> e : dirty.entrySet()) {
            lockYear(c, e.getKey());
            refresh(c, e.getKey(), ScoringPolicies.of(open.get(e.getKey())), e.getValue(), campaigns);
        }
    }

    /** Every campaign applied, read once in the transaction when first needed (after the batch's own were stored). */
    private static final class Campaigns {
        private final Connection c;
        private List<LogFacts.Campaign> all;

        Campaigns(Connection c) {
            this.c = c;
        }

        List<LogFacts.Campaign> get() throws SQLException {
            if (all == null) {
                all = FactStore.campaigns(c);
            }
            return all;
        }
    }

    private static Map<Integer, String> openYears(Connection c) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT year, policy_version FROM score_year WHERE status = 'OPEN'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private void refresh(Connection c, int year, ScoringPolicy policy, Dirty d, Campaigns campaigns) throws SQLException {
        long countedDelta = 0;
        Set<String> units = new HashSet<>(d.units);
        Map<String, Integer> own = new HashMap<>();
        Map<String, RosterSums> rosterChanges = Map.of();
        if (!d.members.isEmpty()) {
            ScoreTable t = Scorer.score(year, FactStore.membersSlice(c, year, d.members, campaigns.get()), policy);
            writeMembers(c, year, d.members, t.members());
            rosterChanges = writeRoster(c, year, d.members, rosterOf(t));
            units.addAll(rosterChanges.keySet());
            countedDelta += writeCounted(c, year, "member_id = ANY(?)", d.members, t.counted());
        }
        if (!d.unitsOwn.isEmpty()) {
            ScoreTable t = Scorer.score(year, FactStore.unitsOwnSlice(c, year, d.unitsOwn, campaigns.get()), policy);
            for (String unit : d.unitsOwn) {
                own.put(unit, t.units().stream().filter(u -> u.unitCode().equals(unit)).mapToInt(ScoreTable.UnitScore::collectivePoints)
                        .findFirst().orElse(0));
            }
            units.addAll(d.unitsOwn);
            countedDelta += writeCounted(c, year, "member_id IS NULL AND unit_code = ANY(?)", d.unitsOwn, t.counted());
        }
        if (!units.isEmpty()) {
            writeUnits(c, year, units, rosterChanges, own, campaigns);
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE score_year SET records = records + ?, counted = counted + ?, version = nextval('score_version'), changed_at = now()
                WHERE year = ?""")) {
            s.setLong(1, d.newRecords);
            s.setLong(2, countedDelta);
            s.setInt(3, year);
            s.executeUpdate();
        }
    }

    /** A roster row: a member on a unit's roster in the year. */
    private record RosterRow(String unitCode, String memberId, int points, boolean hasRecords) {
    }

    private static List<RosterRow> rosterOf(ScoreTable t) {
        Set<String> withRecords = new HashSet<>();
        for (ScoreTable.CountedRecord r : t.counted()) {
            if (r.memberId() != null) {
                withRecords.add(r.unitCode() + "\u0000" + r.memberId());
            }
        }
        List<RosterRow> out = new ArrayList<>();
        for (ScoreTable.UnitScore u : t.units()) {
            for (ScoreTable.RosterPoints p : u.roster()) {
                out.add(new RosterRow(u.unitCode(), p.memberId(), p.points(), withRecords.contains(u.unitCode() + "\u0000" + p.memberId())));
            }
        }
        return out;
    }

    /** Makes the lines of {@code members} those {@code scored}: the ones scored upserted (rewritten only if they changed), the others deleted. */
    private static void writeMembers(Connection c, int year, Set<String> members, List<ScoreTable.MemberScore> scored) throws SQLException {
        Set<String> gone = new HashSet<>(members);
        for (ScoreTable.MemberScore m : scored) {
            gone.remove(m.memberId());
        }
        if (!gone.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM score_member WHERE year = ? AND member_id = ANY(?)")) {
                s.setInt(1, year);
                s.setArray(2, c.createArrayOf("text", gone.toArray()));
                s.executeUpdate();
            }
        }
        insertMembers(c, year, scored, """
                ON CONFLICT (year, member_id) DO UPDATE SET full_name = EXCLUDED.full_name, score = EXCLUDED.score
                WHERE (score_member.full_name, score_member.score) IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.score)""");
    }

    /**
     * What a unit's roster rows add up to (its size, its members with records, their points), or by how
     * much they changed: a unit's line keeps the sums (score_unit), changed by each change of its rows.
     */
    private record RosterSums(int size, int withRecords, long points) {
        static final RosterSums NONE = new RosterSums(0, 0, 0);

        static RosterSums of(RosterRow row, int sign) {
            return new RosterSums(sign, row.hasRecords() ? sign : 0, (long) sign * row.points());
        }

        RosterSums plus(RosterSums other) {
            return new RosterSums(size + other.size, withRecords + other.withRecords, points + other.points);
        }
    }

    /** Replaces the roster rows of {@code members}; returns the units whose rows changed, with how much their sums changed. */
    private static Map<String, RosterSums> writeRoster(Connection c, int year, Set<String> members, List<RosterRow> rows) throws SQLException {
        Map<String, RosterRow> before = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT unit_code, member_id, points, has_records FROM score_roster WHERE year = ? AND member_id = ANY(?)")) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", members.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RosterRow r = new RosterRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4));
                    before.put(r.unitCode() + "\u0000" + r.memberId(), r);
                }
            }
        }
        Map<String, RosterSums> changedUnits = new HashMap<>();
        List<RosterRow> upserts = new ArrayList<>();
        for (RosterRow r : rows) {
            RosterRow was = before.remove(r.unitCode() + "\u0000" + r.memberId());
            if (!r.equals(was)) {
                upserts.add(r);
                RosterSums change = was == null ? RosterSums.of(r, 1) : RosterSums.of(r, 1).plus(RosterSums.of(was, -1));
                changedUnits.merge(r.unitCode(), change, RosterSums::plus);
            }
        }
        if (!before.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM score_roster WHERE year = ? AND unit_code = ? AND member_id = ?")) {
                for (RosterRow gone : before.values()) {
                    s.setInt(1, year);
                    s.setString(2, gone.unitCode());
                    s.setString(3, gone.memberId());
                    s.addBatch();
                    changedUnits.merge(gone.unitCode(), RosterSums.of(gone, -1), RosterSums::plus);
                }
                s.executeBatch();
            }
        }
        upsertRoster(c, year, upserts);
        return changedUnits;
    }

    private static void upsertRoster(Connection c, int year, List<RosterRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] unit = new String[n], member = new String[n];
        Integer[] points = new Integer[n];
        Boolean[] has = new Boolean[n];
        for (int i = 0; i < n; i++) {
            RosterRow r = rows.get(i);
            unit[i] = r.unitCode();
            member[i] = r.memberId();
            points[i] = r.points();
            has[i] = r.hasRecords();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO score_roster (year, unit_code, member_id, points, has_records)
                SELECT ?, * FROM unnest(?::text[], ?::text[], ?::int[], ?::boolean[])
                ON CONFLICT (year, unit_code, member_id) DO UPDATE SET points = EXCLUDED.points, has_records = EXCLUDED.has_records""")) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", unit));
            s.setArray(3, c.createArrayOf("text", member));
            s.setArray(4, c.createArrayOf("int4", points));
            s.setArray(5, c.createArrayOf("bool", has));
            s.executeUpdate();
        }
    }

    /** Makes the counted records matching {@code where} (over {@code keys}) those of {@code counted}; returns how many more there are. */
    private static long writeCounted(Connection c, int year, String where, Set<String> keys, List<ScoreTable.CountedRecord> counted)
            throws SQLException {
        Set<String> before = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT record_id FROM counted_record WHERE year = ? AND " + where)) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    before.add(rs.getString(1));
                }
            }
        }
        List<ScoreTable.CountedRecord> added = new ArrayList<>();
        Set<String> gone = new HashSet<>(before);
        for (ScoreTable.CountedRecord r : counted) {
            if (!gone.remove(r.recordId())) {
                added.add(r);
            }
        }
        if (!gone.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM counted_record WHERE year = ? AND record_id = ANY(?)")) {
                s.setInt(1, year);
                s.setArray(2, c.createArrayOf("text", gone.toArray()));
                s.executeUpdate();
            }
        }
        insertCounted(c, year, added);
        return (long) counted.size() - before.size();
    }

    /**
     * Rewrites the lines of {@code units}: each line's roster sums as stored, changed by {@code rosterChanges}
     * (the year's lock keeps them exact: see {@link #refresh}), its own points from {@code own} or as stored; a
     * unit with no roster and no campaign that year leaves the table.
     */
    private static void writeUnits(Connection c, int year, Set<String> units, Map<String, RosterSums> rosterChanges, Map<String, Integer> own,
                                   Campaigns campaigns) throws SQLException {
        Map<String, RosterSums> sums = new HashMap<>();
        Map<String, Integer> collective = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT unit_code, roster_size, members_with_records, member_points, collective_points FROM score_unit
                WHERE year = ? AND unit_code = ANY(?)""")) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", units.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sums.put(rs.getString(1), new RosterSums(rs.getInt(2), rs.getInt(3), rs.getLong(4)));
                    collective.put(rs.getString(1), rs.getInt(5));
                }
            }
        }
        List<UnitRow> keep = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String unit : units) {
            RosterSums sum = sums.getOrDefault(unit, RosterSums.NONE).plus(rosterChanges.getOrDefault(unit, RosterSums.NONE));
            int size = sum.size();
            int with = sum.withRecords();
            int points = own.containsKey(unit) ? own.get(unit) : collective.getOrDefault(unit, 0);
            keep.add(new UnitRow(new ScoreTable.UnitScore(0, unit, Scorer.unitScore(sum.points(), points, size), Scorer.coverage(with, size), points,
                    size, with, List.of()), sum.points()));
            if (size == 0) {
                empty.add(unit);
            }
        }
        if (!empty.isEmpty()) {
            Set<String> recipients = new HashSet<>();
            for (LogFacts.Campaign campaign : campaigns.get()) {
                if (campaign.overlaps(year)) {
                    recipients.addAll(campaign.recipients());
                }
            }
            List<String> drop = empty.stream().filter(unit -> !recipients.contains(unit)).toList();
            if (!drop.isEmpty()) {
                keep.removeIf(row -> drop.contains(row.score().unitCode()));
                try (PreparedStatement s = c.prepareStatement("DELETE FROM score_unit WHERE year = ? AND unit_code = ANY(?)")) {
                    s.setInt(1, year);
                    s.setArray(2, c.createArrayOf("text", drop.toArray()));
                    s.executeUpdate();
                }
            }
        }
        upsertUnits(c, year, keep);
    }

    /** A unit's line as stored: its score and the sum of its members' points under it. */
    private record UnitRow(ScoreTable.UnitScore score, long memberPoints) {
    }

    /** Inserts or updates units' lines, in one statement. */
    private static void upsertUnits(Connection c, int year, List<UnitRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] unit = new String[n];
        java.math.BigDecimal[] score = new java.math.BigDecimal[n], coverage = new java.math.BigDecimal[n];
        Integer[] collective = new Integer[n], size = new Integer[n], with = new Integer[n];
        Long[] memberPoints = new Long[n];
        for (int i = 0; i < n; i++) {
            ScoreTable.UnitScore u = rows.get(i).score();
            unit[i] = u.unitCode();
            score[i] = u.score();
            coverage[i] = u.coverage();
            collective[i] = u.collectivePoints();
            size[i] = u.rosterSize();
            with[i] = u.membersWithRecords();
            memberPoints[i] = rows.get(i).memberPoints();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO score_unit (year, unit_code, score, coverage, collective_points, roster_size, members_with_records, member_points)
                SELECT ?, * FROM unnest(?::text[], ?::numeric[], ?::numeric[], ?::int[], ?::int[], ?::int[], ?::bigint[])
                ON CONFLICT (year, unit_code) DO UPDATE SET score = EXCLUDED.score, coverage = EXCLUDED.coverage,
                collective_points = EXCLUDED.collective_points, roster_size = EXCLUDED.roster_size,
                members_with_records = EXCLUDED.members_with_records, member_points = EXCLUDED.member_points""")) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", unit));
            s.setArray(3, c.createArrayOf("numeric", score));
            s.setArray(4, c.createArrayOf("numeric", coverage));
            s.setArray(5, c.createArrayOf("int4", collective));
            s.setArray(6, c.createArrayOf("int4", size));
            s.setArray(7, c.createArrayOf("int4", with));
            s.setArray(8, c.createArrayOf("int8", memberPoints));
            s.executeUpdate();
        }
    }

    private static void insertMembers(Connection c, int year, List<ScoreTable.MemberScore> members, String onConflict) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        int n = members.size();
        String[] id = new String[n], name = new String[n];
        Integer[] score = new Integer[n];
        for (int i = 0; i < n; i++) {
            id[i] = members.get(i).memberId();
            name[i] = members.get(i).fullName();
            score[i] = members.get(i).score();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO score_member (year, member_id, full_name, score) SELECT ?, * FROM unnest(?::text[], ?::text[], ?::int[]) " + onConflict)) {
            s.setInt(1, year);
            s.setArray(2, c.createArrayOf("text", id));
            s.setArray(3, c.createArrayOf("text", name));
            s.setArray(4, c.createArrayOf("int4", score));
            s.executeUpdate();
        }
    }

    private static void insertCounted(Connection c, int year, List<ScoreTable.CountedRecord> records) throws SQLException {
        final int chunk = 10_000;
        for (int from = 0; from < records.size(); from += chunk) {
            List<ScoreTable.CountedRecord> part = records.subList(from, Math.min(records.size(), from + chunk));
            int n = part.size();
            String[] id = new String[n], campaign = new String[n], unit = new String[n], member = new String[n], kind = new String[n],
                    occurred = new String[n];
            Integer[] points = new Integer[n];
            for (int i = 0; i < n; i++) {
                ScoreTable.CountedRecord r = part.get(i);
                id[i] = r.recordId();
                campaign[i] = r.campaignId();
                unit[i] = r.unitCode();
                member[i] = r.memberId();
                kind[i] = r.kind().name();
                occurred[i] = r.occurredOn().toString();
                points[i] = r.points();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO counted_record (year, record_id, campaign_id, unit_code, member_id, kind, occurred_on, points)
                    SELECT ?, * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], ?::int[])""")) {
                s.setInt(1, year);
                s.setArray(2, c.createArrayOf("text", id));
                s.setArray(3, c.createArrayOf("text", campaign));
                s.setArray(4, c.createArrayOf("text", unit));
                s.setArray(5, c.createArrayOf("text", member));
                s.setArray(6, c.createArrayOf("text", kind));
                s.setArray(7, c.createArrayOf("text", occurred));
                s.setArray(8, c.createArrayOf("int4", points));
                s.executeUpdate();
            }
        }
    }

    /** Drops a year's tables (they are seeded again when next read). */
    public static void forget(Connection c, int year) throws SQLException {
        // score_member's triggers bring the year's score_member_count to zeros; its rows go too
        for (String table : List.of("score_year", "score_member", "score_member_count", "score_roster", "score_unit", "counted_record")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE year = ?")) {
                s.setInt(1, year);
                s.executeUpdate();
            }
        }
    }

    /**
     * Scores a year with the {@link Scorer} over all its facts (a closed year's up to its watermark,
     * with the policy its close names) and writes its tables. The caller holds {@link #lockAlone}.
     */
    public static ScoreTable seed(Connection c, int year) throws SQLException {
        Optional<AppraisalClosed> closed = ClosedYears.find(c, year);
        Watermark cut = closed.map(a -> Watermark.of(a.watermark())).orElse(Watermark.ALL);
        ScoringPolicy policy = closed.map(a -> ScoringPolicies.of(a.policyVersion())).orElse(ScoringPolicies.current());
        ScoreTable table = Scorer.score(year, FactStore.load(c, year, cut), policy);
        write(c, table, closed.isPresent() ? CLOSED : OPEN);
        return table;
    }

    /** Writes a whole table computed by the {@link Scorer}, replacing the year's. */
    public static void write(Connection c, ScoreTable t, String status) throws SQLException {
        forget(c, t.year());
        insertMembers(c, t.year(), t.members(), "");
        upsertRoster(c, t.year(), rosterOf(t));
        List<UnitRow> units = new ArrayList<>(t.units().size());
        for (ScoreTable.UnitScore u : t.units()) {
            units.add(new UnitRow(u, u.roster().stream().mapToLong(ScoreTable.RosterPoints::points).sum()));
        }
        upsertUnits(c, t.year(), units);
        insertCounted(c, t.year(), t.counted());
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO score_year (year, status, policy_version, records, counted, version, changed_at, seeded_at)
                VALUES (?, ?, ?, ?, ?, nextval('score_version'), now(), now())""")) {
            s.setInt(1, t.year());
            s.setString(2, status);
            s.setString(3, t.policyVersion());
            s.setLong(4, t.counted().size() + t.refused());
            s.setLong(5, t.counted().size());
            s.executeUpdate();
        }
    }
}
