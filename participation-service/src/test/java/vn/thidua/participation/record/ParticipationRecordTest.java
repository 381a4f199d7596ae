package vn.thidua.participation.record;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Evidence;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.kit.problem.DomainException;

class ParticipationRecordTest {
    private static final LocalDate DAY = LocalDate.of(2023, 5, 19);
    private AggregateTestFixture<ParticipationRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ParticipationRecord.class);
    }

    private static RecordParticipation command(ParticipationKind kind, String memberId, Evidence evidence) {
        return new RecordParticipation("r-1", "c-1", "VP", memberId, kind, DAY, "Tham gia hội thi sáng kiến", evidence);
    }

    @Test
    void an_activity_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(command(ParticipationKind.ACTIVITY, "CB-1", null))
                .expectEvents(new ParticipationRecorded("r-1", "c-1", "VP", "CB-1", ParticipationKind.ACTIVITY, DAY,
                        "Tham gia hội thi sáng kiến", null));
    }

    @Test
    void a_unit_records_for_itself_with_no_member() {
        fixture.givenNoPriorActivity()
                .when(command(ParticipationKind.REGISTERED, null, null))
                .expectEvents(new ParticipationRecorded("r-1", "c-1", "VP", null, ParticipationKind.REGISTERED, DAY,
                        "Tham gia hội thi sáng kiến", null));
    }

    @Test
    void an_achievement_with_a_document_number_is_recorded() {
        Evidence evidence = new Evidence("QĐ 17/QĐ-KHCN", null);
        fixture.givenNoPriorActivity()
                .when(command(ParticipationKind.ACHIEVEMENT, "CB-1", evidence))
                .expectEvents(new ParticipationRecorded("r-1", "c-1", "VP", "CB-1", ParticipationKind.ACHIEVEMENT, DAY,
                        "Tham gia hội thi sáng kiến", evidence));
    }

    @Test
    void an_achievement_without_evidence_is_refused() {
        fixture.givenNoPriorActivity()
                .when(command(ParticipationKind.ACHIEVEMENT, "CB-1", null))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void an_initiative_with_blank_evidence_is_refused() {
        fixture.givenNoPriorActivity()
                .when(command(ParticipationKind.INITIATIVE, "CB-1", new Evidence(" ", "")))
                .expectNoEvents()
                .expectException(DomainException.class);
    }
}
