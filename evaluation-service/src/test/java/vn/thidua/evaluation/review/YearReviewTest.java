package vn.thidua.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.RuleSets;
import vn.thidua.titles.rules.Title;

/**
 * Every branch of the council's review of a year: given its past ballots and decision, when a command,
 * then its event or refusal. The {@link AwardDecision} a decision creates is stored apart (the fixture
 * records one aggregate), and read back from there.
 */
class YearReviewTest {
    private static final int YEAR = 2025;
    private static final String ID = YearReview.idOf(YEAR);
    private static final RuleSet RULES = RuleSets.defaults().inForceOn(LocalDate.of(2026, 1, 10));
    private static final Instant AT = Instant.parse("2026-01-12T02:00:00Z");
    private static final String OFFICER = "user:canbo.tdkt";
    private static final String MEMBER = "CB-0001";
    private static final AwardDecided.Decision DECISION = new AwardDecided.Decision("15/QĐ-SKHCN", LocalDate.of(2026, 1, 15), "Nguyễn Văn Hùng", "Giám đốc");
    private static final List<PartitionOffset> WATERMARK = List.of(new PartitionOffset("thidua.participation.v1", 0, 42));
    private static final String ADVANCED = YearReview.key(AwardDecided.Subject.MEMBER, MEMBER, Title.ADVANCED_WORKER.name());

    private AggregateTestFixture<YearReview> fixture;
    private EmbeddedEventStore decisions;

    @BeforeEach
    void setUp() {
        decisions = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        fixture = new AggregateTestFixture<>(YearReview.class);
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return type == AwardDecision.class ? (Repository<T>) EventSourcingRepository.builder(AwardDecision.class).eventStore(decisions).build() : null;
            }
        });
    }

    @AfterEach
    void tearDown() {
        decisions.shutDown();
    }

    /** The events of the year's {@link AwardDecision}, in order. */
    private List<DomainEventMessage<?>> decisionEvents() {
        return decisions.readEvents(AwardDecision.idOf(YEAR)).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    private static RecordBallot ballot(Title title, boolean proposed, int council, int votesFor) {
        return new RecordBallot(ID, YEAR, AwardDecided.Subject.MEMBER, MEMBER, title, proposed, council, votesFor, RULES, OFFICER, AT);
    }

    private static BallotRecorded recorded(int council, int votesFor, boolean passed, String result) {
        return new BallotRecorded(YEAR, AwardDecided.Subject.MEMBER, MEMBER, Title.ADVANCED_WORKER.name(), council, votesFor, passed, result,
                RULES.version(), OFFICER, AT);
    }

    private static final String MAJORITY = " — NĐ 98/2023/NĐ-CP Điều 30 k.7 (bỏ phiếu kín, quá nửa tổng số thành viên Hội đồng)";
    private static final BallotRecorded PASSED = recorded(9, 7, true, "đạt: 7/9 thành viên Hội đồng đồng ý (77,78%), cần trên 50%" + MAJORITY);
    private static final BallotRecorded FAILED = recorded(10, 5, false, "không đạt: 5/10 thành viên Hội đồng đồng ý (50%), cần trên 50%" + MAJORITY);

    private static DecideAwards deciding(Set<String> eligible) {
        return new DecideAwards(ID, YEAR, RULES.version(), LocalDate.of(2026, 1, 10), WATERMARK, DECISION,
                List.of(new DecideAwards.Requested(AwardDecided.Subject.MEMBER, MEMBER, Title.ADVANCED_WORKER.name())), eligible,
                Map.of(YearReview.subjectKey(AwardDecided.Subject.MEMBER, MEMBER), "Đặng Thị Hương"), OFFICER, AT);
    }

    private static ReviewDecided reviewDecided() {
        return new ReviewDecided(YEAR, DECISION.number(), OFFICER, AT);
    }

    private static AwardDecided decided() {
        return new AwardDecided(YEAR, RULES.version(), LocalDate.of(2026, 1, 10), WATERMARK, DECISION, List.of(PASSED.ballot()),
                List.of(new AwardDecided.Award(AwardDecided.Subject.MEMBER, MEMBER, "Đặng Thị Hương", Title.ADVANCED_WORKER.name())), OFFICER, AT);
    }

    /** A refusal of this kind and code, with a Vietnamese detail. */
    private static Matcher<Throwable> refused(DomainException.Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof DomainException d && d.kind() == kind && d.code().equals(code) && !d.getMessage().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException " + kind + " " + code);
            }
        };
    }

    @Test
    void a_ballot_on_a_proposed_title_is_judged_by_the_rule_sets_threshold() {
        fixture.givenNoPriorActivity().when(ballot(Title.ADVANCED_WORKER, true, 9, 7)).expectEvents(PASSED);
    }

    @Test
    void a_ballot_of_exactly_half_does_not_pass_a_majority() {
        fixture.givenNoPriorActivity().when(ballot(Title.ADVANCED_WORKER, true, 10, 5)).expectEvents(FAILED);
    }

    @Test
    void a_ballot_on_a_title_not_proposed_is_refused() {
        fixture.givenNoPriorActivity().when(ballot(Title.ADVANCED_WORKER, false, 9, 9)).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "title-not-proposed"));
    }

    @Test
    void a_ballot_on_a_title_the_province_decides_is_refused() {
        fixture.givenNoPriorActivity().when(ballot(Title.PROVINCIAL_EMULATION_FIGHTER, true, 9, 9)).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "title-decided-by-province"));
    }

    @Test
    void more_votes_than_council_members_is_refused() {
        fixture.givenNoPriorActivity().when(ballot(Title.ADVANCED_WORKER, true, 9, 10)).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "invalid-ballot"));
    }

    @Test
    void a_ballot_after_the_decision_is_refused() {
        fixture.given(PASSED, reviewDecided()).when(ballot(Title.ADVANCED_WORKER, true, 9, 8)).expectNoEvents()
                .expectException(refused(DomainException.Kind.CONFLICT, "award-already-decided"));
    }

    @Test
    void the_decision_awards_a_proposed_title_whose_ballot_passed_and_carries_every_ballot() {
        fixture.given(PASSED).when(deciding(Set.of(ADVANCED))).expectEvents(reviewDecided()).expectResultMessagePayload(decided());
        List<DomainEventMessage<?>> published = decisionEvents();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).getAggregateIdentifier()).isEqualTo("award-2025");
        assertThat(published.get(0).getSequenceNumber()).isZero();
        assertThat(published.get(0).getPayload()).isEqualTo(decided());
    }

    @Test
    void a_title_no_longer_proposed_at_the_decision_is_refused() {
        fixture.given(PASSED).when(deciding(Set.of())).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "title-not-proposed"));
        assertThat(decisionEvents()).isEmpty();
    }

    @Test
    void a_title_without_a_ballot_is_refused() {
        fixture.givenNoPriorActivity().when(deciding(Set.of(ADVANCED))).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "ballot-missing"));
    }

    @Test
    void a_title_whose_ballot_failed_is_refused() {
        fixture.given(FAILED).when(deciding(Set.of(ADVANCED))).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "vote-not-passed"));
    }

    @Test
    void a_later_ballot_replaces_the_earlier_one() {
        fixture.given(FAILED, PASSED).when(deciding(Set.of(ADVANCED))).expectEvents(reviewDecided());
        assertThat(decisionEvents()).extracting(e -> (Object) e.getPayload()).containsExactly(decided());
    }

    @Test
    void a_title_listed_twice_is_refused() {
        DecideAwards once = deciding(Set.of(ADVANCED));
        DecideAwards twice = new DecideAwards(ID, YEAR, once.ruleSetVersion(), once.reviewedOn(), WATERMARK, DECISION,
                List.of(once.awards().get(0), once.awards().get(0)), once.eligible(), once.names(), OFFICER, AT);
        fixture.given(PASSED).when(twice).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "duplicate-award"));
    }

    @Test
    void a_decision_awarding_nothing_is_refused() {
        DecideAwards once = deciding(Set.of(ADVANCED));
        DecideAwards none = new DecideAwards(ID, YEAR, once.ruleSetVersion(), once.reviewedOn(), WATERMARK, DECISION, List.of(),
                once.eligible(), once.names(), OFFICER, AT);
        fixture.given(PASSED).when(none).expectNoEvents()
                .expectException(refused(DomainException.Kind.RULE_BROKEN, "no-awards"));
    }

    @Test
    void a_second_decision_is_refused() {
        fixture.given(PASSED, reviewDecided()).when(deciding(Set.of(ADVANCED))).expectNoEvents()
                .expectException(refused(DomainException.Kind.CONFLICT, "award-already-decided"));
        assertThat(decisionEvents()).isEmpty();
    }

    @Test
    void a_year_decided_in_the_review_itself_before_award_decision_existed_is_decided() {
        fixture.given(PASSED, decided()).when(deciding(Set.of(ADVANCED))).expectNoEvents()
                .expectException(refused(DomainException.Kind.CONFLICT, "award-already-decided"));
    }
}
