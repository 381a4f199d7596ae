package vn.thidua.participation.roster;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The roster question every record asks, in plain SQL on the request's connection: a Panache count
 * re-interpreted its query on every call and was a sixth of ingest's CPU (JFR, issue 9).
 */
@ApplicationScoped
public class RosterLookup {
    private final DataSource dataSource;

    public RosterLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The one definition of a membership of {@code roster_membership} (as {@code m}) covering at least one
     * day from {@code from} to {@code to} (SQL expressions): joined on or before the last, not left by the first.
     */
    private static String covers(String from, String to) {
        return "m.joined_on <= " + to + " AND (m.left_on IS NULL OR m.left_on > " + from + ")";
    }

    /** A question of {@link #onRoster(Collection)}: was the member on the unit's roster that day? */
    public record OnDay(String unitCode, String memberId, LocalDate day) {
    }

    /** Which of {@code asked} are answered yes (on the roster that day: joined on or before it, not left by it), in one statement. */
    public Set<OnDay> onRoster(Collection<OnDay> asked) {
        Set<OnDay> yes = new HashSet<>();
        if (asked.isEmpty()) {
            return yes;
        }
        List<OnDay> questions = List.copyOf(new HashSet<>(asked));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT q.unit_code, q.member_id, q.day FROM unnest(?::text[], ?::text[], ?::text[]) AS q(unit_code, member_id, day)
                WHERE EXISTS (SELECT 1 FROM roster_membership m WHERE m.unit_code = q.unit_code AND m.member_id = q.member_id AND\s"""
                + covers("q.day::date", "q.day::date") + ")")) {
            s.setArray(1, c.createArrayOf("text", questions.stream().map(OnDay::unitCode).toArray()));
            s.setArray(2, c.createArrayOf("text", questions.stream().map(OnDay::memberId).toArray()));
            s.setArray(3, c.createArrayOf("text", questions.stream().map(q -> q.day().toString()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    yes.add(new OnDay(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roster query failed: " + e.getMessage(), e);
        }
        return yes;
    }

    /** Whether the member was on the unit's roster on at least one day from {@code from} to {@code to}, both inclusive. */
    public boolean wasOnRoster(String unitCode, String memberId, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM roster_membership m WHERE m.unit_code = ? AND m.member_id = ? AND " + covers("?", "?") + " LIMIT 1")) {
            s.setString(1, unitCode);
            s.setString(2, memberId);
            s.setObject(3, to);
            s.setObject(4, from);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roster query failed: " + e.getMessage(), e);
        }
    }
}
