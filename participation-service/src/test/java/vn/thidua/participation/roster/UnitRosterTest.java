package vn.thidua.participation.roster;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.kit.problem.DomainException;

class UnitRosterTest {
    private static final String ROSTER = UnitRoster.idOf("TTR");
    private static final String MEMBER = "CB-0007";
    private static final String NAME = "Vũ Thị Ngọc Ánh";
    private static final LocalDate JOINED = LocalDate.of(2021, 3, 1);
    private static final LocalDate LEFT = LocalDate.of(2023, 4, 1);

    private AggregateTestFixture<UnitRoster> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitRoster.class);
    }

    private static MemberJoinedUnit joined() {
        return new MemberJoinedUnit(MEMBER, NAME, "Thanh tra viên", "TTR", JOINED);
    }

    @Test
    void a_member_joins() {
        fixture.givenNoPriorActivity()
                .when(new JoinUnit(ROSTER, "TTR", MEMBER, NAME, "Thanh tra viên", JOINED))
                .expectEvents(joined())
                .expectResultMessagePayload(RosterChange.CHANGED);
    }

    @Test
    void joining_again_with_the_same_details_changes_nothing() {
        fixture.given(joined())
                .when(new JoinUnit(ROSTER, "TTR", MEMBER, NAME, "Thanh tra viên", JOINED))
                .expectNoEvents()
                .expectResultMessagePayload(RosterChange.UNCHANGED);
    }

    @Test
    void joining_again_with_other_details_is_a_conflict() {
        fixture.given(joined())
                .when(new JoinUnit(ROSTER, "TTR", MEMBER, NAME, "Phó Chánh Thanh tra", JOINED))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("leave first"));
    }

    @Test
    void a_member_leaves_on_the_first_day_off_the_roster() {
        fixture.given(joined())
                .when(new LeaveUnit(ROSTER, "TTR", MEMBER, LEFT))
                .expectEvents(new MemberLeftUnit(MEMBER, NAME, "TTR", LEFT))
                .expectResultMessagePayload(RosterChange.CHANGED);
    }

    @Test
    void leaving_again_on_the_same_day_changes_nothing() {
        fixture.given(joined(), new MemberLeftUnit(MEMBER, NAME, "TTR", LEFT))
                .when(new LeaveUnit(ROSTER, "TTR", MEMBER, LEFT))
                .expectNoEvents()
                .expectResultMessagePayload(RosterChange.UNCHANGED);
    }

    @Test
    void someone_not_on_the_roster_cannot_leave() {
        fixture.given(joined())
                .when(new LeaveUnit(ROSTER, "TTR", "CB-9999", LEFT))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("CB-9999"));
    }

    @Test
    void a_member_who_left_cannot_leave_on_another_day() {
        fixture.given(joined(), new MemberLeftUnit(MEMBER, NAME, "TTR", LEFT))
                .when(new LeaveUnit(ROSTER, "TTR", MEMBER, LEFT.plusDays(3)))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void leaving_on_or_before_the_join_date_is_refused() {
        fixture.given(joined())
                .when(new LeaveUnit(ROSTER, "TTR", MEMBER, JOINED))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("must be later"));
    }

    @Test
    void a_member_comes_back_after_leaving() {
        LocalDate back = LEFT.plusMonths(6);
        fixture.given(joined(), new MemberLeftUnit(MEMBER, NAME, "TTR", LEFT))
                .when(new JoinUnit(ROSTER, "TTR", MEMBER, NAME, "Chánh Thanh tra", back))
                .expectEvents(new MemberJoinedUnit(MEMBER, NAME, "Chánh Thanh tra", "TTR", back));
    }

    @Test
    void a_new_stay_cannot_begin_before_the_last_one_ended() {
        fixture.given(joined(), new MemberLeftUnit(MEMBER, NAME, "TTR", LEFT))
                .when(new JoinUnit(ROSTER, "TTR", MEMBER, NAME, "Chánh Thanh tra", LEFT.minusDays(1)))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(LEFT.toString()));
    }
}
