package vn.thidua.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.UnitRated;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.NotificationAcknowledged;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.PlanReference;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.kit.problem.DomainException;

/**
 * An event its schema refuses cannot be stored: for every published event type, a command whose
 * aggregate applies a breaking event is refused (422 event-contract-violation) and the PostgreSQL
 * event table has no new row; the same command with a valid event stores one.
 */
class ContractCheckTest {
    private static final LocalDate DAY = LocalDate.of(2023, 6, 11);
    private static final Period PERIOD = new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
    private static final String DIGEST = "0".repeat(64);

    private static PGSimpleDataSource dataSource;
    private static Configuration axon;

    /** Creates the test aggregate with one event of the contract. */
    record Emit(String id, ThiduaEvent event) {
    }

    /** An aggregate that applies whatever event it is given: the check must stop a bad one. */
    static class Emitter {
        @AggregateIdentifier
        private String id;

        Emitter() {
            // Axon rebuilds aggregates from events through the no-argument constructor
        }

        @CommandHandler
        Emitter(Emit command) {
            this.id = command.id();
            apply(command.event());
        }

        @EventSourcingHandler
        void on(ThiduaEvent event) {
            // nothing to rebuild: the test only counts stored rows
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dataSource = KitDatabase.fresh("kit_contract_check");
        axon = AxonStore.configurer(dataSource, NoTransactionManager.INSTANCE).configureAggregate(Emitter.class).buildConfiguration();
        axon.start();
    }

    @AfterAll
    static void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    /** One valid and one breaking event of each published type. */
    static Stream<Object[]> events() {
        String campaign = UUID.randomUUID().toString();
        LaunchDocument doc = new LaunchDocument("9/KH-CN-TTR", DAY, "Phạm Thị Hiền", "KT. GIÁM ĐỐC");
        List<PlanReference> plans = List.of(new PlanReference("108/KH-UBND", DAY, "UBND tỉnh Thái Nguyên", "Kế hoạch"));
        List<PartitionOffset> watermark = List.of(new PartitionOffset("thidua.participation.v1", 0, 5));
        return Stream.of(
                new Object[]{EventType.CAMPAIGN_LAUNCHED,
                        new CampaignLaunched(campaign, CampaignKind.PHASE, "Đợt thi đua", "Nội dung", plans, PERIOD, doc, List.of("VP")),
                        new CampaignLaunched(campaign, CampaignKind.PHASE, "Đợt thi đua", "Nội dung", plans,
                                new Period(LocalDate.of(99999, 1, 1), null), doc, List.of("VP"))},
                new Object[]{EventType.DEPARTMENT_NOTIFIED,
                        new DepartmentNotified(campaign, "VP", "Văn phòng Sở", "Đợt thi đua", CampaignKind.PHASE, PERIOD, "9/KH-CN-TTR"),
                        new DepartmentNotified(campaign, "vp; DROP", "Văn phòng Sở", "Đợt thi đua", CampaignKind.PHASE, PERIOD, "9/KH-CN-TTR")},
                new Object[]{EventType.NOTIFICATION_ACKNOWLEDGED,
                        new NotificationAcknowledged(campaign, "VP", "Lê Văn Minh", Instant.parse("2023-06-11T08:00:00Z")),
                        new NotificationAcknowledged(campaign, "VP", "", Instant.parse("2023-06-11T08:00:00Z"))},
                new Object[]{EventType.MEMBER_JOINED_UNIT,
                        new MemberJoinedUnit("m-1", "Nguyễn Văn An", null, "VP", DAY),
                        new MemberJoinedUnit("m-1", "Nguyễn Văn An", null, "VP", LocalDate.of(-1, 1, 1))},
                new Object[]{EventType.MEMBER_LEFT_UNIT,
                        new MemberLeftUnit("m-1", "Nguyễn Văn An", "VP", DAY),
                        new MemberLeftUnit("m-1", "x".repeat(201), "VP", DAY)},
                new Object[]{EventType.PARTICIPATION_RECORDED,
                        new ParticipationRecorded(UUID.randomUUID().toString(), campaign, "VP", "m-1", ParticipationKind.ACTIVITY, DAY, "Tham gia", null),
                        new ParticipationRecorded(UUID.randomUUID().toString(), campaign, "VP", "m-1", ParticipationKind.ACTIVITY, DAY, "x".repeat(5001), null)},
                new Object[]{EventType.APPRAISAL_CLOSED,
                        new AppraisalClosed(2023, "v1", DIGEST, watermark, new AppraisalCounts(1, 1, 1, 0), "Lê Văn Minh", Instant.parse("2024-01-05T08:00:00Z")),
                        new AppraisalClosed(2023, "v1", "not-a-digest", watermark, new AppraisalCounts(1, 1, 1, 0), "Lê Văn Minh",
                                Instant.parse("2024-01-05T08:00:00Z"))},
                new Object[]{EventType.MEMBER_RATED,
                        new MemberRated("m-1", "VP", 2023, Rating.GOOD),
                        new MemberRated("m-1", "VP", 1944, Rating.GOOD)},
                new Object[]{EventType.UNIT_RATED,
                        new UnitRated("VP", 2023, Rating.EXCELLENT),
                        new UnitRated("vp", 2023, Rating.EXCELLENT)},
                new Object[]{EventType.MEMBER_DISCIPLINED,
                        new MemberDisciplined("m-1", "VP", "12/QĐ-SKHCN", DisciplineLevel.REPRIMAND, DAY, null),
                        new MemberDisciplined("m-1", "VP", "", DisciplineLevel.REPRIMAND, DAY, null)},
                new Object[]{EventType.MEMBER_RECRUITED,
                        new MemberRecruited("m-1", DAY),
                        new MemberRecruited("", DAY)},
                new Object[]{EventType.AWARD_DECIDED, award(2023, "15/QĐ-SKHCN"), award(2023, "")});
    }

    private static AwardDecided award(int year, String number) {
        return new AwardDecided(year, "tdkt-2022-nd152-2025.1", LocalDate.of(2024, 1, 5), List.of(),
                new AwardDecided.Decision(number, LocalDate.of(2024, 1, 10), "Nguyễn Văn Hùng", "Giám đốc"),
                List.of(new AwardDecided.Ballot(AwardDecided.Subject.MEMBER, "m-1", "ADVANCED_WORKER", 9, 7, true)),
                List.of(new AwardDecided.Award(AwardDecided.Subject.MEMBER, "m-1", "Nguyễn Văn An", "ADVANCED_WORKER")),
                "user:canbo.tdkt", Instant.parse("2024-01-10T08:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void an_event_that_breaks_its_schema_is_refused_and_never_stored(EventType type, ThiduaEvent valid, ThiduaEvent breaking) throws Exception {
        long before = rows();
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new Emit(UUID.randomUUID().toString(), breaking)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE_BROKEN);
                    assertThat(e.code()).isEqualTo("event-contract-violation");
                    assertThat(e.getMessage()).startsWith(type.eventName() + " would break its published schema");
                });
        assertThat(rows()).as("no event row for a refused " + type).isEqualTo(before);

        axon.commandGateway().sendAndWait(new Emit(UUID.randomUUID().toString(), valid));
        assertThat(rows()).as("the valid " + type + " is stored").isEqualTo(before + 1);
    }

    @org.junit.jupiter.api.Test
    void every_published_event_type_is_covered() {
        Set<EventType> covered = events().map(a -> (EventType) a[0]).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(EnumSet.allOf(EventType.class));
    }

    private static long rows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
