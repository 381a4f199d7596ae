package vn.thidua.campaign.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Period;
import vn.thidua.kit.problem.DomainException;

class PlanTest {
    private static final String PLAN_ID = "plan-108";
    private static final PlanDetails PLAN_108 = new PlanDetails("108/KH-UBND", LocalDate.of(2022, 7, 13), "UBND tỉnh Thái Nguyên",
            "Tổ chức thực hiện phong trào thi đua “Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025”",
            new Period(LocalDate.of(2022, 7, 13), LocalDate.of(2025, 12, 31)));

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Test
    void a_new_plan_is_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPlan(PLAN_ID, PLAN_108))
                .expectEvents(new PlanRegistered(PLAN_ID, PLAN_108))
                .expectResultMessagePayload(PlanOutcome.REGISTERED);
    }

    @Test
    void the_same_plan_again_changes_nothing() {
        fixture.given(new PlanRegistered(PLAN_ID, PLAN_108))
                .when(new RegisterPlan(PLAN_ID, PLAN_108))
                .expectNoEvents()
                .expectResultMessagePayload(PlanOutcome.UNCHANGED);
    }

    @Test
    void the_same_number_with_other_content_is_a_conflict_naming_the_fields() {
        PlanDetails changed = new PlanDetails(PLAN_108.number(), LocalDate.of(2022, 7, 14), PLAN_108.issuer(), "Tiêu đề khác",
                PLAN_108.period());
        fixture.given(new PlanRegistered(PLAN_ID, PLAN_108))
                .when(new RegisterPlan(PLAN_ID, changed))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("[issuedOn, title]"));
    }

    @Test
    void differences_list_each_field_with_both_values() {
        PlanDetails changed = new PlanDetails(PLAN_108.number(), PLAN_108.issuedOn(), PLAN_108.issuer(), PLAN_108.title(),
                new Period(LocalDate.of(2022, 7, 13), LocalDate.of(2026, 12, 31)));
        assertThat(PLAN_108.differencesFrom(changed))
                .containsExactly(new PlanDetails.Difference("period.to", LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)));
        assertThat(PLAN_108.differencesFrom(PLAN_108)).isEqualTo(List.of());
    }
}
