package vn.thidua.evaluation.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.titles.proposal.MemberProposal;
import vn.thidua.titles.proposal.Proposals;
import vn.thidua.titles.proposal.TitleProposal;
import vn.thidua.titles.proposal.UnitProposal;
import vn.thidua.titles.rules.Title;

/** The council's part of a closed year's review: ballots on the proposals, then the decision → {@code AwardDecided}. */
@ApplicationScoped
public class ReviewService {
    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final CommandGateway commands;
    private final ProposalService proposals;
    private final ReviewProjection view;
    private final Clock clock;

    public ReviewService(CommandGateway commands, ProposalService proposals, ReviewProjection view, Clock clock) {
        this.commands = commands;
        this.proposals = proposals;
        this.view = view;
        this.clock = clock;
    }

    /** What recording a ballot did: the ballot, and whether it replaced an earlier one. */
    public record BallotResult(BallotRecorded ballot, boolean replaced) {
    }

    public BallotResult recordBallot(int year, AwardDecided.Subject subject, String subjectId, Title title, int councilMembers, int votesFor,
                                     String actor) {
        ProposalService.Review review = proposals.closedReview(year);
        TitleProposal proposal = proposal(review.proposals(), subject, subjectId, title);
        boolean replaced = view.ballots(year).stream()
                .anyMatch(b -> b.subject() == subject && b.subjectId().equals(subjectId) && b.title().equals(title.name()));
        BallotRecorded ballot = QuarkusTransaction.requiringNew().call(() -> commands.sendAndWait(new RecordBallot(YearReview.idOf(year), year,
                subject, subjectId, title, proposal.proposed(), councilMembers, votesFor, review.rules(), actor, clock.instant())));
        return new BallotResult(ballot, replaced);
    }

    public AwardDecided decide(int year, AwardDecided.Decision decision, List<DecideAwards.Requested> awards, String actor) {
        ProposalService.Review review = proposals.closedReview(year);
        Set<String> eligible = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (MemberProposal m : review.proposals().members()) {
            names.put(YearReview.subjectKey(AwardDecided.Subject.MEMBER, m.memberId()), m.fullName());
            m.titles().stream().filter(TitleProposal::proposed)
                    .forEach(t -> eligible.add(YearReview.key(AwardDecided.Subject.MEMBER, m.memberId(), t.title().name())));
        }
        for (UnitProposal u : review.proposals().units()) {
            names.put(YearReview.subjectKey(AwardDecided.Subject.UNIT, u.unitCode()), u.unitCode());
            u.titles().stream().filter(TitleProposal::proposed)
                    .forEach(t -> eligible.add(YearReview.key(AwardDecided.Subject.UNIT, u.unitCode(), t.title().name())));
        }
        for (DecideAwards.Requested r : awards) {
            Title title = Title.valueOf(r.title());
            proposal(review.proposals(), r.subject(), r.subjectId(), title);
        }
        AwardDecided decided = QuarkusTransaction.requiringNew().call(() -> commands.sendAndWait(new DecideAwards(YearReview.idOf(year), year,
                review.rules().version(), review.reviewedOn(), review.watermark(), decision, awards, eligible, names, actor, clock.instant())));
        LOG.infof("year %d: decision %s by %s awards %d titles under %s", year, decision.number(), actor, decided.awards().size(),
                decided.ruleSetVersion());
        return decided;
    }

    public List<BallotRecorded> ballots(int year) {
        return view.ballots(year);
    }

    public Optional<AwardDecided> decision(int year) {
        return view.decision(year);
    }

    /** The proposal of a title for a member or unit of the year; a 422 when there is no such subject or the title is not theirs. */
    static TitleProposal proposal(Proposals proposals, AwardDecided.Subject subject, String subjectId, Title title) {
        Title.Subject expected = subject == AwardDecided.Subject.MEMBER ? Title.Subject.MEMBER : Title.Subject.UNIT;
        if (title.subject() != expected) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "title-not-for-subject", "The title is not for this kind of subject",
                    "Danh hiệu " + title.label() + " là danh hiệu " + (title.subject() == Title.Subject.MEMBER ? "cá nhân" : "tập thể")
                            + ", không xét cho " + (expected == Title.Subject.MEMBER ? "cá nhân" : "tập thể") + " " + subjectId + ".");
        }
        Optional<List<TitleProposal>> titles = subject == AwardDecided.Subject.MEMBER
                ? proposals.members().stream().filter(m -> m.memberId().equals(subjectId)).findFirst().map(MemberProposal::titles)
                : proposals.units().stream().filter(u -> u.unitCode().equals(subjectId)).findFirst().map(UnitProposal::titles);
        return titles.flatMap(ts -> ts.stream().filter(t -> t.title() == title).findFirst())
                .orElseThrow(() -> new DomainException(DomainException.Kind.RULE_BROKEN, "unknown-subject", "Not in the year's proposals",
                        (subject == AwardDecided.Subject.MEMBER ? "Cá nhân " : "Đơn vị ") + subjectId + " không có trong danh sách bình xét năm "
                                + proposals.year() + "."));
    }
}
