package vn.thidua.evaluation.review;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.EventType;

/** The review's read model, written in the command's transaction (processor "views"): the ballots in force and the decision. */
@Singleton
@ProcessingGroup("views")
public class ReviewProjection {
    private final DataSource dataSource;

    public ReviewProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(BallotRecorded b) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO review_ballot (year, subject, subject_id, title, council_members, votes_for, passed, result, rule_set, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (year, subject, subject_id, title) DO UPDATE SET council_members = EXCLUDED.council_members,
                  votes_for = EXCLUDED.votes_for, passed = EXCLUDED.passed, result = EXCLUDED.result, rule_set = EXCLUDED.rule_set,
                  recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")) {
            s.setInt(1, b.year());
            s.setString(2, b.subject().name());
            s.setString(3, b.subjectId());
            s.setString(4, b.title());
            s.setInt(5, b.councilMembers());
            s.setInt(6, b.votesFor());
            s.setBoolean(7, b.passed());
            s.setString(8, b.result());
            s.setString(9, b.ruleSetVersion());
            s.setString(10, b.recordedBy());
            s.setTimestamp(11, Timestamp.from(b.recordedAt()));
            s.executeUpdate();
        }
    }

    @EventHandler
    void on(AwardDecided d) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO award_decision (year, event_json) VALUES (?, ?) ON CONFLICT (year) DO NOTHING")) {
            s.setInt(1, d.year());
            s.setString(2, new String(EventCodec.instance().encode(d), StandardCharsets.UTF_8));
            s.executeUpdate();
        }
    }

    /** The ballots of a year, by subject, id and title. */
    public List<BallotRecorded> ballots(int year) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT subject, subject_id, title, council_members, votes_for, passed, result, rule_set, recorded_by, recorded_at
                FROM review_ballot WHERE year = ? ORDER BY subject, subject_id, title""")) {
            s.setInt(1, year);
            List<BallotRecorded> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new BallotRecorded(year, AwardDecided.Subject.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ballots of " + year + ": " + e.getMessage(), e);
        }
    }

    /** The year's decision, if made. */
    public Optional<AwardDecided> decision(int year) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT event_json FROM award_decision WHERE year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of((AwardDecided) EventCodec.instance().decode(EventType.AWARD_DECIDED, rs.getString(1).getBytes(StandardCharsets.UTF_8)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision of " + year + ": " + e.getMessage(), e);
        }
    }
}
