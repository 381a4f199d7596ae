package vn.thidua.participation.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.participation.catalog.CampaignCatalog;
import vn.thidua.participation.roster.RosterLookup;

/**
 * Records the year-end review's inputs after the rules every write obeys: the unit is known, the member
 * was on the unit's roster in the period concerned, and no closed year would change. Reads them back
 * per unit and year. Writes must run inside a transaction (the idempotency key's).
 */
@ApplicationScoped
public class PersonnelService {
    private final CommandGateway commands;
    private final CampaignCatalog catalog;
    private final RosterLookup rosters;
    private final DataSource dataSource;

    public PersonnelService(CommandGateway commands, CampaignCatalog catalog, RosterLookup rosters, DataSource dataSource) {
        this.commands = commands;
        this.catalog = catalog;
        this.rosters = rosters;
        this.dataSource = dataSource;
    }

    /** A member's rating as recorded, whether it changed anything, and the unit's share warnings after it. */
    public record MemberRating(String memberId, String unitCode, int year, Rating rating, boolean changed, List<ExcellentShare.Warning> warnings) {
    }

    /** A unit's rating as recorded, whether it changed anything, and the unit's share warnings after it. */
    public record UnitRating(String unitCode, int year, Rating rating, boolean changed, List<ExcellentShare.Warning> warnings) {
    }

    /** A discipline as recorded ({@code to} null: still in force) and whether it changed anything. */
    public record DisciplineRecorded(String memberId, String unitCode, String decisionNumber, DisciplineLevel level, LocalDate from, LocalDate to,
                                     boolean changed) {
    }

    /** A recruitment date as recorded and whether it changed anything. */
    public record RecruitmentRecorded(String memberId, LocalDate recruitedOn, boolean changed) {
    }

    public MemberRating rateMember(String unitCode, String memberId, int year, Rating rating) {
        catalog.requireNotified(unitCode);
        requireOnRoster(unitCode, memberId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "in " + year);
        requireOpen(year, year, "year");
        boolean changed = commands.sendAndWait(new RateMember(MemberFile.idOf(memberId), memberId, unitCode, year, rating));
        return new MemberRating(memberId, unitCode, year, rating, changed, share(unitCode, year).warnings(unitCode, year));
    }

    public UnitRating rateUnit(String unitCode, int year, Rating rating) {
        catalog.requireNotified(unitCode);
        requireOpen(year, year, "year");
        boolean changed = commands.sendAndWait(new RateUnit(UnitFile.idOf(unitCode), unitCode, year, rating));
        return new UnitRating(unitCode, year, rating, changed, share(unitCode, year).warnings(unitCode, year));
    }

    public DisciplineRecorded recordDiscipline(String unitCode, String memberId, String decisionNumber, DisciplineLevel level, LocalDate from,
                                               LocalDate to) {
        catalog.requireNotified(unitCode);
        LocalDate last = to == null ? InputRules.MAX_DATE : to;
        requireOnRoster(unitCode, memberId, from, last.isBefore(from) ? from : last, "while the discipline is in force");
        requireOpen(from.getYear(), Math.max(from.getYear(), last.getYear()), "from");
        Optional<LocalDate[]> earlier = earlierDiscipline(memberId, decisionNumber);
        if (earlier.isPresent()) {
            LocalDate[] period = earlier.get();
            requireOpen(period[0].getYear(), period[1] == null ? InputRules.MAX_YEAR : period[1].getYear(), "from");
        }
        boolean changed = commands.sendAndWait(new RecordDiscipline(MemberFile.idOf(memberId), memberId, unitCode, decisionNumber, level, from, to));
        return new DisciplineRecorded(memberId, unitCode, decisionNumber, level, from, to, changed);
    }

    public RecruitmentRecorded recordRecruitment(String unitCode, String memberId, LocalDate recruitedOn) {
        catalog.requireNotified(unitCode);
        requireOnRoster(unitCode, memberId, InputRules.MIN_DATE, InputRules.MAX_DATE, "ever");
        requireOpen(recruitedOn.getYear(), recruitedOn.getYear(), "recruitedOn");
        Optional<LocalDate> earlier = one("SELECT recruited_on FROM member_recruitment WHERE member_id = ?", rs -> rs.getObject(1, LocalDate.class), memberId);
        if (earlier.isPresent()) {
            requireOpen(earlier.get().getYear(), earlier.get().getYear(), "recruitedOn");
        }
        boolean changed = commands.sendAndWait(new RecordRecruitment(MemberFile.idOf(memberId), memberId, recruitedOn));
        return new RecruitmentRecorded(memberId, recruitedOn, changed);
    }

    /** The share of excellent among the members' ratings recorded for the unit in the year. */
    public ExcellentShare share(String unitCode, int year) {
        List<Rating> ratings = list("SELECT rating FROM member_rating WHERE unit_code = ? AND year = ?", rs -> Rating.valueOf(rs.getString(1)),
                unitCode, year);
        return ExcellentShare.of(ratings, unitRating(unitCode, year));
    }

    public Rating unitRating(String unitCode, int year) {
        return one("SELECT rating FROM unit_rating WHERE unit_code = ? AND year = ?", rs -> Rating.valueOf(rs.getString(1)), unitCode, year).orElse(null);
    }

    /** One member on the unit's roster in a year, with their rating of the year and the unit it was recorded for (both null: not rated). */
    public record RatedMember(String memberId, String fullName, Rating rating, String ratedFor) {
    }

    public List<RatedMember> ratedMembers(String unitCode, int year) {
        return list(ROSTER_OF_YEAR + """
                SELECT r.member_id, r.full_name, m.rating, m.unit_code FROM roster r
                LEFT JOIN member_rating m ON m.member_id = r.member_id AND m.year = ?
                ORDER BY r.member_id""", rs -> new RatedMember(rs.getString(1), rs.getString(2),
                rs.getString(3) == null ? null : Rating.valueOf(rs.getString(3)), rs.getString(4)), rosterParams(unitCode, year, year));
    }

    /** A discipline in force in the year of a member on the unit's roster that year. */
    public record DisciplineInForce(String memberId, String fullName, String unitCode, String decisionNumber, DisciplineLevel level,
                                    LocalDate from, LocalDate to) {
    }

    public List<DisciplineInForce> disciplines(String unitCode, int year) {
        return list(ROSTER_OF_YEAR + """
                SELECT d.member_id, r.full_name, d.unit_code, d.decision_number, d.level, d.from_date, d.to_date
                FROM member_discipline d JOIN roster r ON r.member_id = d.member_id
                WHERE d.from_date <= ? AND (d.to_date IS NULL OR d.to_date >= ?)
                ORDER BY d.member_id, d.from_date, d.decision_number""", rs -> new DisciplineInForce(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), DisciplineLevel.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class)), rosterParams(unitCode, year, LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1)));
    }

    /** A member on the unit's roster in the year and their recruitment date (null: not recorded). */
    public record Recruitment(String memberId, String fullName, LocalDate recruitedOn) {
    }

    public List<Recruitment> recruitments(String unitCode, int year) {
        return list(ROSTER_OF_YEAR + """
                SELECT r.member_id, r.full_name, t.recruited_on FROM roster r
                LEFT JOIN member_recruitment t ON t.member_id = r.member_id
                ORDER BY r.member_id""", rs -> new Recruitment(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                rosterParams(unitCode, year));
    }

    /** Members on the unit's roster on at least one day of the year (scoring's rule), with the name of their latest stay. */
    private static final String ROSTER_OF_YEAR = """
            WITH roster AS (
                SELECT DISTINCT ON (member_id) member_id, full_name FROM roster_membership
                WHERE unit_code = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)
                ORDER BY member_id, joined_on DESC)
            """;

    private static Object[] rosterParams(String unitCode, int year, Object... more) {
        Object[] params = new Object[3 + more.length];
        params[0] = unitCode;
        params[1] = LocalDate.of(year, 12, 31);
        params[2] = LocalDate.of(year, 1, 1);
        System.arraycopy(more, 0, params, 3, more.length);
        return params;
    }

    private Optional<LocalDate[]> earlierDiscipline(String memberId, String decisionNumber) {
        return one("SELECT from_date, to_date FROM member_discipline WHERE member_id = ? AND decision_number = ?",
                rs -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}, memberId, decisionNumber);
    }

    private void requireOnRoster(String unitCode, String memberId, LocalDate from, LocalDate to, String when) {
        if (!rosters.wasOnRoster(unitCode, memberId, from, to)) {
            throw refuse("member-not-on-roster", "The member was not on the unit's roster",
                    "member " + memberId + " was not on the roster of " + unitCode + " " + when, "memberId");
        }
    }

    /** Refuses a change to the review of a closed year: nothing more counts for it (as for participation records). */
    private void requireOpen(int fromYear, int toYear, String field) {
        List<Integer> closed = catalog.closedYears(fromYear, toYear);
        if (!closed.isEmpty()) {
            throw refuse("year-closed", "The year's appraisal is closed",
                    "the year-end review of " + closed.get(0) + " is closed; nothing more counts for it", field);
        }
    }

    private static DomainException refuse(String code, String title, String detail, String field) {
        return new DomainException(DomainException.Kind.RULE_BROKEN, code, title, detail)
                .with("errors", List.of(Map.of("field", field, "message", title)));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> found = list(sql, row, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<T> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(row.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("personnel query failed: " + e.getMessage(), e);
        }
    }
}
