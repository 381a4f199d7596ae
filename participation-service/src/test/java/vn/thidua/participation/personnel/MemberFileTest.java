package vn.thidua.participation.personnel;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.Rating;
import vn.thidua.kit.problem.DomainException;

class MemberFileTest {
    private static final String MEMBER = "CB-0007";
    private static final String FILE = MemberFile.idOf(MEMBER);
    private static final String DECISION = "12/QĐ-SKHCN";
    private static final LocalDate FROM = LocalDate.of(2023, 3, 1);
    private static final LocalDate TO = LocalDate.of(2024, 2, 29);

    private AggregateTestFixture<MemberFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberFile.class);
    }

    @Test
    void a_member_is_rated_for_a_year() {
        fixture.givenNoPriorActivity()
                .when(new RateMember(FILE, MEMBER, "TTR", 2023, Rating.GOOD))
                .expectEvents(new MemberRated(MEMBER, "TTR", 2023, Rating.GOOD))
                .expectResultMessagePayload(true);
    }

    @Test
    void the_same_rating_again_changes_nothing() {
        fixture.given(new MemberRated(MEMBER, "TTR", 2023, Rating.GOOD))
                .when(new RateMember(FILE, MEMBER, "TTR", 2023, Rating.GOOD))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void another_rating_of_the_same_year_is_a_correction_a_new_event() {
        fixture.given(new MemberRated(MEMBER, "TTR", 2023, Rating.GOOD))
                .when(new RateMember(FILE, MEMBER, "TTR", 2023, Rating.EXCELLENT))
                .expectEvents(new MemberRated(MEMBER, "TTR", 2023, Rating.EXCELLENT))
                .expectResultMessagePayload(true);
    }

    @Test
    void the_same_rating_recorded_by_the_unit_the_member_moved_to_is_a_new_event() {
        fixture.given(new MemberRated(MEMBER, "TTR", 2023, Rating.GOOD))
                .when(new RateMember(FILE, MEMBER, "VP", 2023, Rating.GOOD))
                .expectEvents(new MemberRated(MEMBER, "VP", 2023, Rating.GOOD));
    }

    @Test
    void each_year_has_its_own_rating() {
        fixture.given(new MemberRated(MEMBER, "TTR", 2022, Rating.GOOD))
                .when(new RateMember(FILE, MEMBER, "TTR", 2023, Rating.GOOD))
                .expectEvents(new MemberRated(MEMBER, "TTR", 2023, Rating.GOOD));
    }

    @Test
    void a_discipline_is_recorded_with_its_period() {
        fixture.givenNoPriorActivity()
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO))
                .expectEvents(new MemberDisciplined(MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO))
                .expectResultMessagePayload(true);
    }

    @Test
    void a_discipline_may_end_the_day_it_starts_or_stay_open() {
        fixture.givenNoPriorActivity()
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", DECISION, DisciplineLevel.WARNING, FROM, FROM))
                .expectEvents(new MemberDisciplined(MEMBER, "TTR", DECISION, DisciplineLevel.WARNING, FROM, FROM));
        fixture.givenNoPriorActivity()
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", DECISION, DisciplineLevel.WARNING, FROM, null))
                .expectEvents(new MemberDisciplined(MEMBER, "TTR", DECISION, DisciplineLevel.WARNING, FROM, null));
    }

    @Test
    void a_discipline_cannot_end_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, FROM.minusDays(1)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("before it starts"));
    }

    @Test
    void the_same_decision_with_another_end_is_a_correction_the_same_again_nothing() {
        MemberDisciplined first = new MemberDisciplined(MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO);
        fixture.given(first)
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO.minusMonths(6)))
                .expectEvents(new MemberDisciplined(MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO.minusMonths(6)));
        fixture.given(first)
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void another_decision_is_another_discipline() {
        fixture.given(new MemberDisciplined(MEMBER, "TTR", DECISION, DisciplineLevel.REPRIMAND, FROM, TO))
                .when(new RecordDiscipline(FILE, MEMBER, "TTR", "30/QĐ-SKHCN", DisciplineLevel.REPRIMAND, FROM, TO))
                .expectEvents(new MemberDisciplined(MEMBER, "TTR", "30/QĐ-SKHCN", DisciplineLevel.REPRIMAND, FROM, TO));
    }

    @Test
    void the_recruitment_date_is_the_members_and_a_later_one_corrects_it() {
        LocalDate recruited = LocalDate.of(2015, 8, 3);
        fixture.givenNoPriorActivity()
                .when(new RecordRecruitment(FILE, MEMBER, recruited))
                .expectEvents(new MemberRecruited(MEMBER, recruited));
        fixture.given(new MemberRecruited(MEMBER, recruited))
                .when(new RecordRecruitment(FILE, MEMBER, recruited))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(new MemberRecruited(MEMBER, recruited))
                .when(new RecordRecruitment(FILE, MEMBER, recruited.plusYears(1)))
                .expectEvents(new MemberRecruited(MEMBER, recruited.plusYears(1)));
    }
}
