package vn.thidua.participation.record;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.Topic;
import vn.thidua.participation.Fixtures;
import vn.thidua.testsupport.TopicReader;

/** POST /api/participations/batch: attendance lists and feeds, all or nothing, one Idempotency-Key. */
@QuarkusTest
class ParticipationBatchTest {
    private static final String CAMPAIGN = "batch-campaign";
    private static boolean launched;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void campaignAndRoster() {
        synchronized (ParticipationBatchTest.class) {
            if (!launched) {
                Fixtures.campaignService().publish(CAMPAIGN,
                        Fixtures.campaign(CAMPAIGN, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "VP", "TTR"));
                Fixtures.awaitCampaignKnown(CAMPAIGN);
                launched = true;
            }
        }
        for (String member : List.of("CB-501", "CB-502", "CB-503", "CB-504")) {
            Fixtures.join("VP", member, "Hoàng Văn Nam", "2023-01-01");
        }
    }

    private static Map<String, Object> record(String member, String kind, String on, String description) {
        Map<String, Object> r = Fixtures.record(CAMPAIGN, "VP", member, kind, on);
        r.put("description", description);
        return r;
    }

    private static ExtractableResponse<Response> post(Map<String, Object> batch, String key) {
        var request = given().contentType(ContentType.JSON).body(batch);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/participations/batch").then().extract();
    }

    @Test
    void an_attendance_list_and_items_are_recorded_in_order_once_and_a_retry_gets_the_same_answer() throws Exception {
        String description = "Sinh hoạt chuyên đề “Học tập và làm theo tư tưởng Hồ Chí Minh” " + System.nanoTime();
        Map<String, Object> head = record(null, "ACTIVITY", "2023-05-19", description);
        head.remove("memberId");
        Map<String, Object> batch = new HashMap<>();
        batch.put("attendance", Map.of("record", head, "memberIds", List.of("CB-501", "CB-502", "CB-503")));
        batch.put("items", List.of(record("CB-504", "ACTIVITY", "2023-05-20", description)));

        var answer = post(batch, "batch-ok-" + description.hashCode());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        List<String> ids = answer.path("items.recordId");
        assertThat(answer.<Integer>path("created")).isEqualTo(4);
        assertThat(answer.<List<Integer>>path("items.index")).containsExactly(0, 1, 2, 3);
        for (int i = 0; i < 4; i++) {
            given().get("/api/participations/" + ids.get(i)).then().statusCode(200)
                    .body("memberId", equalTo(List.of("CB-501", "CB-502", "CB-503", "CB-504").get(i))).body("description", equalTo(description));
        }
        // events in the store in the batch's order, one per record, each an aggregate at sequence 0
        List<String> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT aggregate_identifier, sequence_number FROM domain_event_entry WHERE aggregate_identifier = ANY (?) ORDER BY global_index")) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                    assertThat(rs.getLong(2)).isZero();
                }
            }
        }
        assertThat(stored).containsExactlyElementsOf(ids);

        var again = post(batch, "batch-ok-" + description.hashCode());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<List<String>>path("items.recordId")).isEqualTo(ids);
        assertThat(views(description)).isEqualTo(4);

        // each record once on Kafka, in order within the unit's partition
        var read = TopicReader.readUntil(Fixtures.bootstrap(), List.of(Topic.PARTICIPATION.address()),
                records -> records.stream().filter(r -> ids.contains(KafkaBinding.fromRecord(r).attributes().aggregateId())).count() >= 4,
                Duration.ofSeconds(30));
        List<String> published = read.stream().map(r -> KafkaBinding.fromRecord(r).attributes().aggregateId()).filter(ids::contains).toList();
        assertThat(published).containsExactlyElementsOf(ids);
    }

    @Test
    void one_refused_item_refuses_the_batch_listing_each_refused_item_and_records_nothing() throws Exception {
        String description = "Hội thao công đoàn " + System.nanoTime();
        Map<String, Object> noEvidence = record("CB-502", "ACHIEVEMENT", "2023-06-01", description);
        Map<String, Object> batch = Map.of("items", List.of(
                record("CB-501", "ACTIVITY", "2023-06-01", description),
                record("CB-501", "ACTIVITY", "2024-06-01", description),
                noEvidence,
                record("CB-999", "ACTIVITY", "2023-06-01", description),
                record("CB-503", "REGISTERED", "2023-06-01", description),
                record("CB-503", "REGISTERED", "2023-06-02", description)));

        var answer = post(batch, "batch-refused-" + description.hashCode());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.<String>path("type")).isEqualTo("https://thidua.vn/problems/batch-refused");
        assertThat(answer.<List<Integer>>path("items.index")).containsExactly(1, 2, 3, 5);
        assertThat(answer.<List<String>>path("items.problem.type")).containsExactly(
                "https://thidua.vn/problems/outside-campaign-period", "https://thidua.vn/problems/evidence-required",
                "https://thidua.vn/problems/member-not-on-roster", "https://thidua.vn/problems/already-registered");
        assertThat(answer.<List<Integer>>path("items.problem.status")).containsExactly(422, 422, 422, 409);
        assertThat(views(description)).isZero();

        // a refused batch stores nothing under its key: sent again, it is checked again (and refused again)
        assertThat(post(batch, "batch-refused-" + description.hashCode()).statusCode()).isEqualTo(422);
        assertThat(views(description)).isZero();
    }

    @Test
    void a_malformed_batch_is_400_for_the_whole_batch() throws Exception {
        String description = "Trồng cây đầu xuân " + System.nanoTime();
        Map<String, Object> head = record("CB-501", "ACTIVITY", "2023-02-01", description);
        assertThat(post(Map.of(), null).statusCode()).isEqualTo(400);
        assertThat(post(Map.of("items", List.of()), null).statusCode()).isEqualTo(400);
        assertThat(post(Map.of("attendance", Map.of("record", head, "memberIds", List.of("CB-502"))), null).<String>path("detail"))
                .contains("attendance.record.memberId");
        head.remove("memberId");
        assertThat(post(Map.of("attendance", Map.of("record", head, "memberIds", List.of("CB-502", "CB-502"))), null).statusCode()).isEqualTo(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add("CB-" + i);
        }
        assertThat(post(Map.of("attendance", Map.of("record", head, "memberIds", many)), null).statusCode()).isEqualTo(400);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            items.add(record("CB-501", "ACTIVITY", "2023-02-01", description));
        }
        var over = post(Map.of("attendance", Map.of("record", head, "memberIds", many.subList(0, 401)), "items", items), null);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.<String>path("detail")).contains("at most 1000");
        Map<String, Object> badItem = record("CB-501", "VOLUNTEERED", "2023-02-01", description);
        assertThat(post(Map.of("items", List.of(record("CB-501", "ACTIVITY", "2023-02-01", description), badItem)), null).<String>path("detail"))
                .contains("items[1]");
        assertThat(views(description)).isZero();
    }

    private long views(String description) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM participation_view WHERE description = ?")) {
            s.setString(1, description);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
