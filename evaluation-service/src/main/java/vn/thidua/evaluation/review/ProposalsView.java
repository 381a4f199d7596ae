package vn.thidua.evaluation.review;

import java.time.LocalDate;
import java.util.List;
import vn.thidua.titles.proposal.CriterionResult;
import vn.thidua.titles.proposal.TitleProposal;
import vn.thidua.titles.rules.RuleSet;

/**
 * A year's proposals as the API shows them: every member and unit, each title with each criterion's
 * outcome, the fact that decided it and its citation; the rule set they were made under.
 * {@code status} OPEN: a preview as of today; CLOSED: the proposals the council votes on.
 */
public record ProposalsView(int year, String status, LocalDate reviewedOn, RuleSetView ruleSet, List<MemberView> members, List<UnitView> units) {

    public record RuleSetView(String version, String name, LocalDate effectiveFrom, List<String> overrides) {
    }

    /** A criterion checked; {@code text} is the line people read ("không đạt: … — citation"). */
    public record CriterionView(String criterion, String outcome, String fact, String citation, boolean citationConfirmed, String text) {
        static CriterionView of(CriterionResult r) {
            return new CriterionView(r.criterion().name(), r.outcome().name(), r.fact(), r.citation().text(), r.citation().confirmed(), r.text());
        }
    }

    public record TitleView(String title, String label, boolean proposed, boolean decidedByDepartment, List<CriterionView> criteria) {
        static TitleView of(TitleProposal t) {
            return new TitleView(t.title().name(), t.title().label(), t.proposed(),
                    t.title().decidedBy() == vn.thidua.titles.rules.Title.DecidedBy.DEPARTMENT, t.criteria().stream().map(CriterionView::of).toList());
        }
    }

    public record MemberView(String memberId, String fullName, List<String> units, List<TitleView> titles) {
    }

    public record UnitView(String unitCode, int rosterSize, List<TitleView> titles, List<CriterionView> warnings) {
    }

    static ProposalsView of(ProposalService.Review review) {
        RuleSet rules = review.rules();
        return new ProposalsView(review.year(), review.closed() ? "CLOSED" : "OPEN", review.reviewedOn(),
                new RuleSetView(rules.version(), rules.name(), rules.effectiveFrom(), rules.overrides()),
                review.proposals().members().stream().map(m -> new MemberView(m.memberId(), m.fullName(), m.units(),
                        m.titles().stream().map(TitleView::of).toList())).toList(),
                review.proposals().units().stream().map(u -> new UnitView(u.unitCode(), u.rosterSize(), u.titles().stream().map(TitleView::of).toList(),
                        u.warnings().stream().map(CriterionView::of).toList())).toList());
    }
}
