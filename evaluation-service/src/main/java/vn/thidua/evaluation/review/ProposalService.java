package vn.thidua.evaluation.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.evaluation.facts.FactsConsumer;
import vn.thidua.evaluation.score.ScoreService;
import vn.thidua.evaluation.score.ScoreReads;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.titles.input.PersonnelLog;
import vn.thidua.titles.input.YearInputs;
import vn.thidua.titles.proposal.Proposals;
import vn.thidua.titles.proposal.Proposer;
import vn.thidua.titles.rules.RuleSet;

/**
 * The titles proposed for a year, by the titles module's {@link Proposer} over the year's score table
 * and the personnel inputs. A closed year is reviewed on the day of its close (Vietnam's calendar),
 * under the rule set in force that day; an open year is a preview as of today.
 */
@ApplicationScoped
public class ProposalService {
    /** The calendar the department's days are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A year's proposals, the rule set and day they were made under, and the facts' positions they were read at. */
    public record Review(int year, boolean closed, LocalDate reviewedOn, RuleSet rules, Proposals proposals, List<PartitionOffset> watermark) {
    }

    private final DataSource dataSource;
    private final ScoreService scores;
    private final PersonnelInputs personnel;
    private final RuleBook rules;
    private final Clock clock;

    public ProposalService(DataSource dataSource, ScoreService scores, PersonnelInputs personnel, RuleBook rules, Clock clock) {
        this.dataSource = dataSource;
        this.scores = scores;
        this.personnel = personnel;
        this.rules = rules;
        this.clock = clock;
    }

    /** The day a close reviews its year: the close's date in Vietnam. */
    public static LocalDate reviewedOn(AppraisalClosed close) {
        return close.closedAt().atZone(ZONE).toLocalDate();
    }

    public Review review(int year) {
        ScoreService.Year seeded = scores.year(year);
        LocalDate reviewedOn = seeded.closed().map(ProposalService::reviewedOn).orElseGet(() -> LocalDate.now(clock.withZone(ZONE)));
        if (reviewedOn.isBefore(LocalDate.of(year, 1, 1))) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "year-not-started", "The year has not started",
                    "Năm " + year + " chưa bắt đầu: chưa thể bình xét.");
        }
        RuleSet ruleSet = rules.inForceOn(reviewedOn);
        try (Connection c = dataSource.getConnection()) {
            ScoreReads.Head head = ScoreReads.head(c, year).orElseThrow(() -> new IllegalStateException("year " + year + " was just dropped"));
            ScoreTable table = ScoreReads.table(c, head, true);
            PersonnelLog log = personnel.log(c);
            YearInputs inputs = YearInputs.from(table, reviewedOn, log.files(year), log.unitRatings(year));
            return new Review(year, seeded.closed().isPresent(), reviewedOn, ruleSet, Proposer.propose(inputs, ruleSet), FactsConsumer.watermark(c));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inputs of " + year + ": " + e.getMessage(), e);
        }
    }

    /** The review of a closed year; a 409 while it is open (the council votes on the proposals of the close). */
    public Review closedReview(int year) {
        Review review = review(year);
        if (!review.closed()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "year-not-closed", "The year is not closed",
                    "Năm " + year + " chưa chốt bình xét: Hội đồng chỉ bỏ phiếu và quyết định trên danh sách đề nghị sau khi chốt năm "
                            + "(POST /api/appraisals/" + year + "/close).");
        }
        return review;
    }
}
