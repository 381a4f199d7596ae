package vn.thidua.evaluation.appraisal;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;

class AppraisalTest {
    private static final String ID = Appraisal.idOf(2023);
    private static final AppraisalClosed CLOSE = new AppraisalClosed(2023, "v1", "ab".repeat(32),
            List.of(new PartitionOffset("thidua.participation.v1", 0, 120)), new AppraisalCounts(40, 5, 118, 2), "Thanh tra Sở",
            Instant.parse("2024-01-10T02:00:00Z"));

    private AggregateTestFixture<Appraisal> fixture;

    /** The command that closes with what {@code close} says. */
    private static CloseAppraisal closing(AppraisalClosed close) {
        return new CloseAppraisal(ID, close.year(), close.policyVersion(), close.digest(), close.watermark(), close.counts(), close.closedBy(),
                close.closedAt());
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appraisal.class);
    }

    @Test
    void a_year_is_closed_once_with_the_event_the_aggregate_builds_from_the_command() {
        fixture.givenNoPriorActivity()
                .when(closing(CLOSE))
                .expectEvents(CLOSE)
                .expectResultMessagePayload(new Appraisal.Outcome(CLOSE, true));
    }

    @Test
    void closing_again_answers_the_first_close_and_changes_nothing() {
        AppraisalClosed later = new AppraisalClosed(2023, "v1", "cd".repeat(32), List.of(), new AppraisalCounts(41, 5, 119, 2),
                "Người khác", Instant.parse("2024-02-01T02:00:00Z"));
        fixture.given(CLOSE)
                .when(closing(later))
                .expectNoEvents()
                .expectResultMessagePayload(new Appraisal.Outcome(CLOSE, false));
    }
}
