package vn.thidua.evaluation.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.EventType;
import vn.thidua.titles.input.PersonnelLog;

/**
 * What the personnel side recorded for the review (ratings, recruitment, disciplines: the events of
 * {@code thidua.personnel.v1} the facts consumer stores in {@code ev_personnel}) and the earlier
 * decisions, folded by the titles module's {@link PersonnelLog} as the audit folds the log.
 */
@ApplicationScoped
public class PersonnelInputs {

    /** The personnel log read from the database: its events in log order, then the decisions recorded here. */
    public PersonnelLog log(Connection c) throws SQLException {
        PersonnelLog log = new PersonnelLog();
        try (PreparedStatement s = c.prepareStatement("SELECT event_type, event_json FROM ev_personnel ORDER BY partition_no, record_offset");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                log.apply(EventCodec.instance().decode(EventType.valueOf(rs.getString(1)), rs.getString(2).getBytes(StandardCharsets.UTF_8)));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT event_json FROM award_decision ORDER BY year"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                log.apply(EventCodec.instance().decode(EventType.AWARD_DECIDED, rs.getString(1).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return log;
    }
}
