package vn.thidua.participation.roster;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

    /** Whether the member was on the unit's roster on {@code day}: joined on or before it, not left by it. */
    public boolean isOnRoster(String unitCode, String memberId, LocalDate day) {
        return wasOnRoster(unitCode, memberId, day, day);
    }

    /** Whether the member was on the unit's roster on at least one day from {@code from} to {@code to}, both inclusive. */
    public boolean wasOnRoster(String unitCode, String memberId, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT 1 FROM roster_membership
                WHERE unit_code = ? AND member_id = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?) LIMIT 1""")) {
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
