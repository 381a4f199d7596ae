package vn.thidua.evaluation.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.titles.proposal.CouncilVote;
import vn.thidua.titles.proposal.CriterionResult;
import vn.thidua.titles.proposal.Outcome;
import vn.thidua.titles.rules.Title;

/**
 * The council's review of one year (hội đồng thi đua, khen thưởng), event-sourced: its ballots, then
 * one decision. A title is awarded only if it was proposed and its ballot reached the rule set's
 * threshold; after the decision nothing changes. The ballots and {@link ReviewDecided} are internal;
 * the published {@link AwardDecided} is applied by the {@link AwardDecision} the decision creates, so
 * that it starts its own aggregate's sequence on {@code thidua.award.v1}.
 */
public class YearReview {

    @AggregateIdentifier
    private String reviewId;
    /** The ballots in force, by {@link #key}. */
    private final Map<String, BallotRecorded> ballots = new TreeMap<>();
    private boolean decided;

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected YearReview() {
    }

    public static String idOf(int year) {
        return "review-" + year;
    }

    /** How a member or unit is named in the aggregate's commands. */
    public static String subjectKey(AwardDecided.Subject subject, String subjectId) {
        return subject + "/" + subjectId;
    }

    /** How a title of a subject is named in the aggregate and its commands. */
    public static String key(AwardDecided.Subject subject, String subjectId, String title) {
        return subjectKey(subject, subjectId) + "/" + title;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public BallotRecorded handle(RecordBallot command) {
        refuseIfDecided(command.year());
        Title title = command.title();
        if (!CouncilVote.votedByDepartment(title)) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "title-decided-by-province", "The province decides this title",
                    "Danh hiệu " + title.label() + " do cấp tỉnh xét công nhận: Hội đồng của Sở không bỏ phiếu công nhận danh hiệu này.");
        }
        if (command.votesFor() > command.councilMembers()) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "invalid-ballot", "More votes than council members",
                    "Số phiếu đồng ý (" + command.votesFor() + ") không thể lớn hơn số thành viên Hội đồng (" + command.councilMembers() + ").");
        }
        if (!command.proposed()) {
            throw notProposed(title, command.subjectId());
        }
        CriterionResult result = CouncilVote.judge(title, command.councilMembers(), command.votesFor(), command.rules());
        BallotRecorded ballot = new BallotRecorded(command.year(), command.subject(), command.subjectId(), title.name(), command.councilMembers(),
                command.votesFor(), result.outcome() == Outcome.MET, result.text(), command.rules().version(), command.recordedBy(), command.recordedAt());
        apply(ballot);
        return ballot;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AwardDecided handle(DecideAwards command) throws Exception {
        refuseIfDecided(command.year());
        if (command.awards().isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "no-awards", "A decision awards at least one title",
                    "Quyết định công nhận phải có ít nhất một danh hiệu.");
        }
        Set<String> seen = new HashSet<>();
        List<AwardDecided.Award> awards = new ArrayList<>();
        for (DecideAwards.Requested r : command.awards()) {
            String key = key(r.subject(), r.subjectId(), r.title());
            Title title = Title.valueOf(r.title());
            if (!seen.add(key)) {
                throw new DomainException(DomainException.Kind.RULE_BROKEN, "duplicate-award", "A title is listed twice",
                        "Danh hiệu " + title.label() + " của " + r.subjectId() + " được ghi hai lần trong quyết định.");
            }
            if (!command.eligible().contains(key)) {
                throw notProposed(title, r.subjectId());
            }
            BallotRecorded ballot = ballots.get(key);
            if (ballot == null) {
                throw new DomainException(DomainException.Kind.RULE_BROKEN, "ballot-missing", "The council has not voted on this title",
                        "Hội đồng chưa bỏ phiếu danh hiệu " + title.label() + " cho " + r.subjectId() + ".");
            }
            if (!ballot.passed()) {
                throw new DomainException(DomainException.Kind.RULE_BROKEN, "vote-not-passed", "The council's vote did not pass",
                        "Danh hiệu " + title.label() + " của " + r.subjectId() + " không đủ số phiếu: " + ballot.result());
            }
            awards.add(new AwardDecided.Award(r.subject(), r.subjectId(), command.names().getOrDefault(subjectKey(r.subject(), r.subjectId()), r.subjectId()),
                    r.title()));
        }
        AwardDecided decided = new AwardDecided(command.year(), command.ruleSetVersion(), command.reviewedOn(), command.watermark(),
                command.decision(), ballots.values().stream().map(BallotRecorded::ballot).toList(), awards, command.decidedBy(), command.decidedAt());
        apply(new ReviewDecided(command.year(), command.decision().number(), command.decidedBy(), command.decidedAt()));
        createNew(AwardDecision.class, () -> new AwardDecision(decided));
        return decided;
    }

    private void refuseIfDecided(int year) {
        if (decided) {
            throw new DomainException(DomainException.Kind.CONFLICT, "award-already-decided", "The year's awards are decided",
                    "Năm " + year + " đã có quyết định công nhận danh hiệu thi đua: không thể bỏ phiếu hay quyết định lại.");
        }
    }

    private static DomainException notProposed(Title title, String subjectId) {
        return new DomainException(DomainException.Kind.RULE_BROKEN, "title-not-proposed", "The title was not proposed",
                subjectId + " không đủ tiêu chuẩn danh hiệu " + title.label() + " theo danh sách đề nghị: không thể bỏ phiếu hay công nhận.");
    }

    @EventSourcingHandler
    void on(BallotRecorded event) {
        reviewId = idOf(event.year());
        ballots.put(key(event.subject(), event.subjectId(), event.title()), event);
    }

    @EventSourcingHandler
    void on(ReviewDecided event) {
        reviewId = idOf(event.year());
        decided = true;
    }

    /** A year decided before {@link AwardDecision} existed has its {@code AwardDecided} here, in place of {@link ReviewDecided}. */
    @EventSourcingHandler
    void on(AwardDecided event) {
        reviewId = idOf(event.year());
        decided = true;
    }
}
