package vn.thidua.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Watermark;
import vn.thidua.titles.input.PersonnelLog;
import vn.thidua.titles.input.YearInputs;
import vn.thidua.titles.proposal.CouncilVote;
import vn.thidua.titles.proposal.CriterionResult;
import vn.thidua.titles.proposal.Outcome;
import vn.thidua.titles.proposal.Proposals;
import vn.thidua.titles.proposal.Proposer;
import vn.thidua.titles.proposal.TitleProposal;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.RuleSetException;
import vn.thidua.titles.rules.RuleSets;
import vn.thidua.titles.rules.Title;

/**
 * The titles' check: a year's decision ({@code AwardDecided}) against the proposals recomputed from
 * the log with the titles module evaluation-service uses: the year's closed table, the personnel
 * events up to the decision's watermark and the earlier decisions, under the rule set the decision
 * names (a province's overrides from {@code THIDUA_REVIEW_PROVINCE_OVERRIDES}, as evaluation-service
 * reads them); then each ballot against that rule set's threshold.
 */
final class Titles {
    /** The environment variable naming the province's overrides file (evaluation-service's {@code thidua.review.province-overrides}). */
    static final String OVERRIDES = "THIDUA_REVIEW_PROVINCE_OVERRIDES";

    /** A personnel event and its place in {@code thidua.personnel.v1}. */
    record PlacedEvent(int partition, long offset, ThiduaEvent event) {
    }

    /** A decision and its place in the log, for the findings. */
    record PlacedAward(String topic, int partition, long offset, String eventId, String aggregateId, long sequence, AwardDecided award) {
    }

    private final List<PlacedEvent> personnel;
    private final Map<Integer, PlacedAward> decisions;
    private final RuleSets ruleSets;

    Titles(List<PlacedEvent> personnel, Map<Integer, PlacedAward> decisions) {
        this.personnel = personnel;
        this.decisions = decisions;
        String overrides = System.getenv(OVERRIDES);
        this.ruleSets = overrides == null || overrides.isBlank()
                ? RuleSets.defaults() : RuleSets.defaults().with(RuleSets.readOverrides(java.nio.file.Path.of(overrides)));
    }

    /** Checks every title of the decision; each title not eligible or not passed is added to {@code problems}. */
    List<Report.Award> check(PlacedAward placed, ScoreTable closedTable, List<Report.Problem> problems) {
        AwardDecided decision = placed.award();
        int year = decision.year();
        if (closedTable == null) {
            problems.add(problem(placed, "AWARD_WITHOUT_CLOSE", "the titles of " + year + " were decided but the year has no close on the log"));
            return List.of();
        }
        RuleSet rules;
        try {
            rules = ruleSets.version(decision.ruleSetVersion());
        } catch (RuleSetException e) {
            problems.add(problem(placed, "UNKNOWN_RULE_SET", "the decision of " + year + " names rule set " + decision.ruleSetVersion()
                    + ", which this tool does not know (a province's set needs " + OVERRIDES + ")"));
            return List.of();
        }
        Watermark cut = Watermark.of(decision.watermark());
        PersonnelLog log = new PersonnelLog();
        personnel.stream().filter(p -> cut.contains(Topic.PERSONNEL, p.partition(), p.offset())).forEach(p -> log.apply(p.event()));
        decisions.values().stream().filter(d -> d.award().year() < year).forEach(d -> log.apply(d.award()));
        Proposals proposals = Proposer.propose(YearInputs.from(closedTable, decision.reviewedOn(), log.files(year), log.unitRatings(year)), rules);

        List<Report.Award> checked = new ArrayList<>();
        for (AwardDecided.Award award : decision.awards()) {
            Title title = Title.valueOf(award.title());
            Optional<TitleProposal> proposal = proposal(proposals, award.subject(), award.subjectId(), title);
            boolean eligible = proposal.map(TitleProposal::proposed).orElse(false);
            Optional<AwardDecided.Ballot> ballot = decision.ballots().stream().filter(b -> b.subject() == award.subject()
                    && b.subjectId().equals(award.subjectId()) && b.title().equals(award.title())).findFirst();
            CriterionResult vote = ballot.map(b -> CouncilVote.judge(title, b.councilMembers(), b.votesFor(), rules)).orElse(null);
            boolean passed = vote != null && vote.outcome() == Outcome.MET;
            String who = award.subjectId() + " (" + award.name() + ")";
            String notMet = proposal.map(p -> p.criteria().stream().filter(c -> c.outcome() != Outcome.MET).map(CriterionResult::text).findFirst()
                    .orElse("")).orElse("không có trong danh sách bình xét năm " + year);
            if (!eligible) {
                problems.add(problem(placed, "TITLE_NOT_ELIGIBLE", who + " was awarded " + title.label() + " but the log does not propose it: " + notMet));
            }
            if (!passed) {
                problems.add(problem(placed, "TITLE_VOTE_NOT_PASSED", who + " was awarded " + title.label() + " but "
                        + (vote == null ? "no ballot on it was recorded" : "its ballot does not pass: " + vote.text())));
            }
            checked.add(new Report.Award(year, award.subject().name(), award.subjectId(), award.title(), eligible, passed,
                    vote == null ? notMet : eligible ? vote.text() : notMet));
        }
        return checked;
    }

    private static Optional<TitleProposal> proposal(Proposals proposals, AwardDecided.Subject subject, String id, Title title) {
        Optional<List<TitleProposal>> titles = subject == AwardDecided.Subject.MEMBER
                ? proposals.members().stream().filter(m -> m.memberId().equals(id)).findFirst().map(m -> m.titles())
                : proposals.units().stream().filter(u -> u.unitCode().equals(id)).findFirst().map(u -> u.titles());
        return titles.flatMap(ts -> ts.stream().filter(t -> t.title() == title).findFirst());
    }

    private static Report.Problem problem(PlacedAward p, String code, String detail) {
        return new Report.Problem(code, p.topic(), p.partition(), p.offset(), p.eventId(), p.aggregateId(), p.sequence(), detail);
    }
}
