package vn.thidua.evaluation.score;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;

/**
 * Reading the score tables that {@link ScoreTables} keeps: what is stored, nothing recomputed. The
 * units' ranks are {@link Scorer#rankUnits} applied to the stored lines as they are read, the members'
 * the order of their stored scores ({@link Scorer#MEMBER_ORDER}).
 */
public final class ScoreReads {

    private ScoreReads() {
    }

    /** A year's tables as a whole: where they stand; {@code quiet} when they have not changed for a second. */
    public record Head(int year, String status, String policyVersion, long records, long counted, long version, boolean quiet) {
        public long refused() {
            return records - counted;
        }
    }

    /** The year's head, if its tables are seeded. */
    public static Optional<Head> head(Connection c, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT status, policy_version, records, counted, version, changed_at < now() - interval '1 second' FROM score_year WHERE year = ?""")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(head(year, rs)) : Optional.empty();
            }
        }
    }

    /** Whether a year's head is of the tables its close or the current policy asks for (else the year is seeded again). */
    public static boolean current(Head head, boolean closed, String currentPolicy) {
        // a CLOSED table is only ever written from its close, with the close's policy
        return closed ? head.status().equals(ScoreTables.CLOSED) : head.status().equals(ScoreTables.OPEN) && head.policyVersion().equals(currentPolicy);
    }

    /** The head's columns, in this order, of {@code score_year y}, then whether the year is closed. */
    private static final String HEAD_COLUMNS = "y.status, y.policy_version, y.records, y.counted, y.version, "
            + "y.changed_at < now() - interval '1 second', EXISTS (SELECT 1 FROM appraisal a WHERE a.year = y.year)";

    private static Head head(int year, ResultSet rs) throws SQLException {
        return new Head(year, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBoolean(6));
    }

    /**
     * A year's units' table as stored, with its head and whether the year is closed; {@code units}
     * empty when they were not read because the caller holds those of the same version.
     */
    public record UnitsRead(Head head, boolean closed, Optional<List<ScoreTable.UnitScore>> units) {
    }

    /**
     * The year's head and units in rank order in one statement (one round trip and one snapshot:
     * under load each round trip waits for a core), if its tables are seeded. The lines are read only
     * if the year's version is not {@code knownVersion}: every change of a year's lines gives it a new
     * version ({@code score_version}, a sequence: never twice, not even after a rebuild), so a caller
     * holding the lines of that version has them.
     */
    public static Optional<UnitsRead> unitsRead(Connection c, int year, long knownVersion) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEAD_COLUMNS + ", " + UNIT_LINE
                + " FROM score_year y LEFT JOIN score_unit u ON u.year = y.year AND y.version <> ? WHERE y.year = ?")) {
            s.setLong(1, knownVersion);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Head head = head(year, rs);
                boolean closed = rs.getBoolean(7);
                if (head.version() == knownVersion) {
                    return Optional.of(new UnitsRead(head, closed, Optional.empty()));
                }
                List<ScoreTable.UnitScore> lines = new ArrayList<>();
                do {
                    if (rs.getString(8) != null) {
                        lines.add(unitLine(rs, 8));
                    }
                } while (rs.next());
                return Optional.of(new UnitsRead(head, closed, Optional.of(Scorer.rankUnits(lines))));
            }
        }
    }

    /** A member's line as stored, with the year's head and whether the year is closed; {@code line} empty when the member is not in the table. */
    public record MemberRead(Head head, boolean closed, Optional<ScoreTable.MemberScore> line) {
    }

    /** The year's head and a member's line with its rank ({@link #member}) in one statement, if the year's tables are seeded. */
    public static Optional<MemberRead> memberRead(Connection c, int year, String memberId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEAD_COLUMNS + ", m.full_name, m.score, " + RANK_OF_M
                + " FROM score_year y LEFT JOIN score_member m ON m.year = y.year AND m.member_id = ? WHERE y.year = ?")) {
            s.setString(1, memberId);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Optional<ScoreTable.MemberScore> line = rs.getString(8) == null ? Optional.empty()
                        : Optional.of(new ScoreTable.MemberScore(rs.getInt(10), memberId, rs.getString(8), rs.getInt(9)));
                return Optional.of(new MemberRead(head(year, rs), rs.getBoolean(7), line));
            }
        }
    }

    /** How many members and units a year's tables rank. */
    public record Sizes(int members, int units) {
    }

    public static Sizes sizes(Connection c, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM score_member WHERE year = ?), (SELECT count(*) FROM score_unit WHERE year = ?)""")) {
            s.setInt(1, year);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Sizes(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    /** A unit's stored line, of {@code score_unit u}: the columns {@link #unitLine} reads, in its order. */
    private static final String UNIT_LINE = "u.unit_code, u.score, u.coverage, u.collective_points, u.roster_size, u.members_with_records";

    /** The line of {@link #UNIT_LINE}'s columns from column {@code first} on: not ranked yet, without its roster. */
    private static ScoreTable.UnitScore unitLine(ResultSet rs, int first) throws SQLException {
        return new ScoreTable.UnitScore(0, rs.getString(first), rs.getBigDecimal(first + 1), rs.getBigDecimal(first + 2), rs.getInt(first + 3),
                rs.getInt(first + 4), rs.getInt(first + 5), List.of());
    }

    /** The year's units in rank order (without their rosters): the stored lines ranked as read ({@link Scorer#rankUnits}). */
    public static List<ScoreTable.UnitScore> units(Connection c, int year) throws SQLException {
        List<ScoreTable.UnitScore> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + UNIT_LINE + " FROM score_unit u WHERE u.year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(unitLine(rs, 1));
                }
            }
        }
        return Scorer.rankUnits(lines);
    }

    /** The members' ranks are the order of their stored scores ({@link Scorer#MEMBER_ORDER}; member ids compared as code points). */
    private static final String RANKED_MEMBERS = """
            SELECT member_id, full_name, score, row_number() OVER (ORDER BY score DESC, member_id COLLATE "C") AS rank
            FROM score_member WHERE year = ?""";

    /** The year's members in rank order. */
    public static List<ScoreTable.MemberScore> members(Connection c, int year) throws SQLException {
        List<ScoreTable.MemberScore> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RANKED_MEMBERS + " ORDER BY rank")) {
            s.setInt(1, year);
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScoreTable.MemberScore(rs.getInt(4), rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    /** A member of a unit's roster: their points under the unit, their score and rank of the year. */
    public record RosterMember(String memberId, String fullName, int pointsInUnit, int score, int rank) {
    }

    /** The unit's roster in rank order. */
    public static List<RosterMember> roster(Connection c, int year, String unitCode) throws SQLException {
        List<RosterMember> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("WITH ranked AS (" + RANKED_MEMBERS + """
                ) SELECT m.member_id, m.full_name, r.points, m.score, m.rank FROM score_roster r JOIN ranked m ON m.member_id = r.member_id
                WHERE r.year = ? AND r.unit_code = ? ORDER BY m.rank""")) {
            s.setInt(1, year);
            s.setInt(2, year);
            s.setString(3, unitCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RosterMember(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }
            }
        }
        return out;
    }

    /**
     * A member {@code m}'s rank: one plus the members above their score (summed over the year's
     * distinct scores, {@code score_member_count}) plus those before them at the same score
     * ({@link #RANKED_MEMBERS}' order).
     */
    private static final String RANK_OF_M = """
            1 + coalesce((SELECT sum(n.members) FROM score_member_count n WHERE n.year = m.year AND n.score > m.score), 0)
            + (SELECT count(*) FROM score_member o WHERE o.year = m.year AND o.score = m.score
               AND o.member_id COLLATE "C" < m.member_id COLLATE "C")""";

    /** A member's line with its rank ({@link #RANK_OF_M}), if the member is in the year's table. */
    public static Optional<ScoreTable.MemberScore> member(Connection c, int year, String memberId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT m.full_name, m.score, " + RANK_OF_M
                + " FROM score_member m WHERE m.year = ? AND m.member_id = ?")) {
            s.setInt(1, year);
            s.setString(2, memberId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new ScoreTable.MemberScore(rs.getInt(3), memberId, rs.getString(1), rs.getInt(2)))
                        : Optional.empty();
            }
        }
    }

    /** The counted records of a member, or (null) of units' own, in {@code year}; all of them when {@code memberId} is absent. */
    public static List<ScoreTable.CountedRecord> counted(Connection c, int year, Optional<String> memberId) throws SQLException {
        List<ScoreTable.CountedRecord> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT record_id, campaign_id, unit_code, member_id, kind, occurred_on, points FROM counted_record
                WHERE year = ?""" + (memberId.isPresent() ? " AND member_id = ?" : "") + " ORDER BY occurred_on, record_id COLLATE \"C\"")) {
            s.setInt(1, year);
            if (memberId.isPresent()) {
                s.setString(2, memberId.get());
            }
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScoreTable.CountedRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            vn.thidua.contract.events.ParticipationKind.valueOf(rs.getString(5)), rs.getObject(6, java.time.LocalDate.class),
                            rs.getInt(7)));
                }
            }
        }
        return out;
    }

    /** Each unit's roster with points, as {@link ScoreTable.UnitScore#roster()} lists it (members in id order). */
    public static Map<String, List<ScoreTable.RosterPoints>> rosters(Connection c, int year) throws SQLException {
        Map<String, List<ScoreTable.RosterPoints>> out = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT unit_code, member_id, points FROM score_roster WHERE year = ? ORDER BY unit_code, member_id COLLATE \"C\"")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ScoreTable.RosterPoints(rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    /** The whole stored table of a year as a {@link ScoreTable} (for its digest; with rosters and counted records when asked). */
    public static ScoreTable table(Connection c, Head head, boolean withDetail) throws SQLException {
        List<ScoreTable.UnitScore> units = units(c, head.year());
        if (withDetail) {
            Map<String, List<ScoreTable.RosterPoints>> rosters = rosters(c, head.year());
            List<ScoreTable.UnitScore> detailed = new ArrayList<>(units.size());
            for (ScoreTable.UnitScore u : units) {
                detailed.add(new ScoreTable.UnitScore(u.rank(), u.unitCode(), u.score(), u.coverage(), u.collectivePoints(), u.rosterSize(),
                        u.membersWithRecords(), List.copyOf(rosters.getOrDefault(u.unitCode(), List.of()))));
            }
            units = detailed;
        }
        return new ScoreTable(head.year(), head.policyVersion(), members(c, head.year()), units,
                withDetail ? counted(c, head.year(), Optional.empty()) : List.of(), head.refused());
    }
}
