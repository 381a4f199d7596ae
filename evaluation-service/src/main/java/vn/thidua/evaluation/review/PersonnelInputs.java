package vn.thidua.evaluation.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import vn.thidua.titles.input.PersonnelFile;
import vn.thidua.titles.input.Rating;

/**
 * What the personnel side records for a year's review (ratings, recruitment, disciplines), as the
 * titles module takes it. Nothing is read yet: the personnel events are not on the log, so every
 * member has {@link PersonnelFile#EMPTY} and no unit is rated.
 */
@ApplicationScoped
public class PersonnelInputs {

    /** The member files of the year, by member id. */
    public Map<String, PersonnelFile> files(Connection c, int year) throws SQLException {
        return Map.of();
    }

    /** The units' ratings of the year, by unit code. */
    public Map<String, Rating> unitRatings(Connection c, int year) throws SQLException {
        return Map.of();
    }
}
