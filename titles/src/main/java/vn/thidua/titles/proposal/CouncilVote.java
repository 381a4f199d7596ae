package vn.thidua.titles.proposal;

import java.math.BigDecimal;
import vn.thidua.titles.rules.Criterion;
import vn.thidua.titles.rules.Rule;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.Title;

/**
 * The council's secret ballot on one title (bình xét: the system proposes, the council decides),
 * judged against the rule set's threshold for that title: a majority of the council's members for
 * Lao động tiên tiến and Tập thể lao động tiên tiến, at least 80% for Chiến sĩ thi đua cơ sở (default
 * rule set). Only the titles the Giám đốc Sở decides are voted here; the others go to the province.
 */
public final class CouncilVote {

    private CouncilVote() {
    }

    /** The rule of the ballot on {@code title}; an {@link IllegalArgumentException} for a title the department does not decide. */
    public static Criterion criterion(Title title) {
        return switch (title) {
            case ADVANCED_WORKER -> Criterion.ADVANCED_WORKER_COUNCIL_VOTE;
            case BASE_EMULATION_FIGHTER -> Criterion.BASE_FIGHTER_COUNCIL_VOTE;
            case ADVANCED_COLLECTIVE -> Criterion.ADVANCED_COLLECTIVE_COUNCIL_VOTE;
            case PROVINCIAL_EMULATION_FIGHTER, EXCELLENT_COLLECTIVE ->
                    throw new IllegalArgumentException(title.label() + " do cấp tỉnh quyết định, Hội đồng của Sở không bỏ phiếu công nhận");
        };
    }

    /** Whether the department's council votes on {@code title}. */
    public static boolean votedByDepartment(Title title) {
        return title.decidedBy() == Title.DecidedBy.DEPARTMENT;
    }

    /**
     * The ballot's result: MET when the votes for reach the threshold, with the fact and the citation,
     * e.g. "7/9 thành viên Hội đồng đồng ý (77,78%), cần từ 80% — NĐ 98/2023/NĐ-CP Điều 30 k.7 …".
     */
    public static CriterionResult judge(Title title, int councilMembers, int votesFor, RuleSet rules) {
        if (councilMembers < 1 || votesFor < 0 || votesFor > councilMembers) {
            throw new IllegalArgumentException("a ballot has at least 1 council member and between 0 and that many votes for, got "
                    + votesFor + "/" + councilMembers);
        }
        Criterion criterion = criterion(title);
        Rule rule = rules.rule(criterion);
        BigDecimal votes = BigDecimal.valueOf(votesFor);
        boolean met;
        String needed;
        if (criterion.params().containsKey("moreThanShare")) {
            BigDecimal share = rule.share("moreThanShare");
            met = votes.compareTo(share.multiply(BigDecimal.valueOf(councilMembers))) > 0;
            needed = "cần trên " + Wording.percent(share);
        } else {
            BigDecimal share = rule.share("minimumShare");
            met = votes.compareTo(share.multiply(BigDecimal.valueOf(councilMembers))) >= 0;
            needed = "cần từ " + Wording.percent(share);
        }
        String fact = votesFor + "/" + councilMembers + " thành viên Hội đồng đồng ý (" + Wording.percent(votesFor, councilMembers) + "), " + needed;
        return new CriterionResult(criterion, met ? Outcome.MET : Outcome.NOT_MET, fact, rule.citation());
    }
}
