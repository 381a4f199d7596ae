package vn.thidua.participation.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.testsupport.SignedIn.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.participation.Fixtures;
import vn.thidua.participation.config.AxonConfiguration;
import vn.thidua.testsupport.TopicReader;

/**
 * The lean record path (issue 20): a record is appended to the event store as it was when an
 * aggregate applied it (aggregate {@code ParticipationRecord}, sequence 0, the caller as actor),
 * schema-checked before it is stored, and costs a bounded number of SQL statements.
 */
@QuarkusTest
class LeanRecordPathTest {
    private static final String CAMPAIGN = "lean-path";
    private static boolean launched;

    @Inject
    DataSource dataSource;
    @Inject
    ParticipationLog log;
    @Inject
    AxonConfiguration axon;
    @Inject
    ParticipationService participations;

    @BeforeEach
    void campaignLaunched() {
        synchronized (LeanRecordPathTest.class) {
            if (!launched) {
                Fixtures.campaignService().publish(CAMPAIGN, Fixtures.campaign(CAMPAIGN, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "KHTC"));
                Fixtures.awaitCampaignKnown(CAMPAIGN);
                Fixtures.join("KHTC", "LP-1", "Đỗ Thị Lan", "2022-01-01");
                launched = true;
            }
        }
    }

    private static String post(int day, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Fixtures.record(CAMPAIGN, "KHTC", "LP-1", "ACTIVITY", LocalDate.of(2023, 1, 1).plusDays(day).toString()))
                .post("/api/participations").then().statusCode(201).extract().path("recordId");
    }

    @Test
    void a_record_is_event_zero_of_its_own_stream_and_published_with_the_callers_actor() throws Exception {
        String id = post(3, "lean-one-" + System.nanoTime());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT type, sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(ParticipationLog.AGGREGATE_TYPE);
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.next()).as("one event per record").isFalse();
            }
        }
        List<PublishedEvent> published = TopicReader.readUntil(Fixtures.bootstrap(), List.of(Topic.PARTICIPATION.address()),
                        read -> read.stream().anyMatch(r -> KafkaBinding.fromRecord(r).attributes().aggregateId().equals(id)), Duration.ofSeconds(30))
                .stream().map(KafkaBinding::fromRecord).filter(e -> e.attributes().aggregateId().equals(id)).toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).attributes().actor()).isEqualTo("user:canbo.tdkt");
        assertThat(published.get(0).attributes().aggregateSequence()).isZero();
        // time-ordered keys (TimeOrderedIds): the record's id and its event's, also on Kafka as ce_id
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);
        assertThat(java.util.UUID.fromString(published.get(0).attributes().id()).version()).isEqualTo(7);
    }

    @Test
    void an_event_its_schema_refuses_is_not_stored() throws Exception {
        ParticipationRecorded invalid = new ParticipationRecorded("lean-invalid-1", CAMPAIGN, "không phải mã đơn vị", null,
                ParticipationKind.ACTIVITY, LocalDate.of(2023, 3, 1), "Tham gia", null);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> log.append(List.of(invalid), List.of(org.axonframework.messaging.MetaData.emptyInstance()))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("event-contract-violation"));
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'lean-invalid-1'")).isZero();
        assertThat(count("SELECT count(*) FROM participation_view WHERE record_id = 'lean-invalid-1'")).isZero();
    }

    /**
     * Counts the statements PostgreSQL runs per record ({@code pg_stat_statements}, BEGIN and COMMIT
     * included) with the relay paused, so that only the request path is counted; prints them.
     */
    @Test
    void a_record_costs_a_bounded_number_of_statements() throws Exception {
        int records = 100;
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        for (int i = 0; i < 10; i++) {
            post(i, "lean-warm-" + i + "-" + System.nanoTime());
        }
        axon.service().relay().shutDown();
        Map<String, Long> calls = new LinkedHashMap<>();
        try {
            execute("SELECT pg_stat_statements_reset()");
            for (int i = 0; i < records; i++) {
                post(i, "lean-count-" + i + "-" + System.nanoTime());
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
                         + "WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC, query")) {
                while (rs.next()) {
                    calls.put(rs.getString(1).replaceAll("\\s+", " "), rs.getLong(2));
                }
            }
        } finally {
            axon.service().relay().start();
        }
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("statements per record: %.2f (%d records)%n", (double) total / records, records);
        calls.forEach((query, n) -> System.out.printf("  %.2f × %s%n", (double) n / records, query.length() > 140 ? query.substring(0, 140) + "…" : query));
        assertThat(calls.entrySet().stream().filter(e -> e.getKey().startsWith("INSERT INTO domain_event_entry")).mapToLong(Map.Entry::getValue).sum())
                .as("one event row per record").isEqualTo(records);
        assertThat((double) total / records).as("statements per record").isLessThanOrEqualTo(8.0);
    }

    /**
     * A single record's and a batch's transactions take generic plans ({@link ParticipationService#useGenericPlans}):
     * their lookups are array queries PostgreSQL would otherwise plan on every execution. The setting is
     * read in the same transaction after a call the rules refuse (nothing is written).
     */
    @Test
    void a_records_and_a_batchs_transactions_take_generic_plans() {
        ParticipationRequest unknown = new ParticipationRequest("no-such-campaign", "KHTC", "LP-1", ParticipationKind.ACTIVITY,
                LocalDate.of(2023, 3, 1), "Tham gia", null);
        Map<String, java.util.function.Consumer<ParticipationRequest>> paths = new LinkedHashMap<>();
        paths.put("record", participations::record);
        paths.put("recordAll", r -> participations.recordAll(List.of(r, r)));
        paths.forEach((path, call) -> {
            String mode = QuarkusTransaction.requiringNew().call(() -> {
                assertThatThrownBy(() -> call.accept(unknown)).isInstanceOf(DomainException.class);
                return value("SELECT current_setting('plan_cache_mode')");
            });
            assertThat(mode).as(path).isEqualTo("force_generic_plan");
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> value("SELECT current_setting('plan_cache_mode')")))
                .as("outside them, the server's default").isEqualTo("auto");
    }

    private String value(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
