package vn.thidua.evaluation.facts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.EventType;

/** The closed years: the {@code appraisal} table, one row per closed year holding its {@code AppraisalClosed}. */
public final class ClosedYears {
    private ClosedYears() {
    }

    /** Stores a close; the first one of a year stays (a year is closed once). Returns whether it was new. */
    public static boolean upsert(Connection c, AppraisalClosed closed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO appraisal (year, digest, closed_at, event_json) VALUES (?, ?, ?, ?) ON CONFLICT (year) DO NOTHING")) {
            s.setInt(1, closed.year());
            s.setString(2, closed.digest());
            s.setTimestamp(3, Timestamp.from(closed.closedAt()));
            s.setString(4, new String(EventCodec.instance().encode(closed), StandardCharsets.UTF_8));
            return s.executeUpdate() == 1;
        }
    }

    public static Optional<AppraisalClosed> find(Connection c, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT event_json FROM appraisal WHERE year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of((AppraisalClosed) EventCodec.instance().decode(EventType.APPRAISAL_CLOSED,
                        rs.getString(1).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
