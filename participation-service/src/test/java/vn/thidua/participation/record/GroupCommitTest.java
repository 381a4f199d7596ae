package vn.thidua.participation.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.kit.axon.Actor;
import vn.thidua.participation.Fixtures;
import vn.thidua.testsupport.TestTokens;

/**
 * Group commit of single records (issue 20): requests gathered while the writers are held are
 * committed together, and each gets what it would have got alone: its record, its own problem, the
 * replay of its key, its own caller as the event's actor; a failure of the group's transaction
 * fails none of the others.
 */
@QuarkusTest
class GroupCommitTest {
    private static final String UNIT = "KHTC";
    private static final String OTHER_UNIT = "VP";
    private static ExecutorService senders;
    private static HttpClient http;

    @Inject
    GroupCommit groups;
    @Inject
    GroupCommitSettings settings;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper mapper;

    /** One request as sent: its body, Idempotency-Key (or null) and token. */
    private record Sent(Map<String, Object> body, String key, String token) {
    }

    @BeforeAll
    static void clients() {
        senders = Executors.newFixedThreadPool(16);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void close() {
        senders.shutdownNow();
    }

    @Test
    void requests_sent_together_share_a_transaction_and_each_gets_its_own_answer() throws Exception {
        String campaign = campaign("group-");
        String runKey = "group-" + System.nanoTime();
        String officer = TestTokens.officer();
        String head = TestTokens.unitHead(UNIT);
        Map<String, Object> retried = Fixtures.record(campaign, UNIT, "GC-1", "ACTIVITY", "2023-02-01");
        HttpResponse<String> first = send(new Sent(retried, runKey + "-retried", officer));
        assertThat(first.statusCode()).isEqualTo(201);
        String retriedId = json(first).path("recordId").asText();

        Map<String, Sent> sent = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            sent.put("ok-" + i, new Sent(Fixtures.record(campaign, UNIT, "GC-" + (i % 3), "ACTIVITY", "2023-03-0" + (i + 1)),
                    runKey + "-ok-" + i, i % 2 == 0 ? officer : head));
        }
        sent.put("keyless", new Sent(Fixtures.record(campaign, UNIT, null, "ACTIVITY", "2023-03-10"), null, head));
        sent.put("not-on-roster", new Sent(Fixtures.record(campaign, UNIT, "GC-NOBODY", "ACTIVITY", "2023-03-11"), runKey + "-stranger", officer));
        sent.put("outside-period", new Sent(Fixtures.record(campaign, UNIT, "GC-1", "ACTIVITY", "2024-01-02"), runKey + "-late", head));
        sent.put("registered-a", new Sent(Fixtures.record(campaign, UNIT, "GC-2", "REGISTERED", "2023-03-12"), runKey + "-reg-a", officer));
        sent.put("registered-b", new Sent(Fixtures.record(campaign, UNIT, "GC-2", "REGISTERED", "2023-03-13"), runKey + "-reg-b", head));
        sent.put("retry", new Sent(retried, runKey + "-retried", officer));
        sent.put("key-reused", new Sent(Fixtures.record(campaign, UNIT, "GC-1", "ACTIVITY", "2023-03-14"), runKey + "-retried", officer));
        Map<String, Object> twice = Fixtures.record(campaign, UNIT, "GC-0", "ACTIVITY", "2023-03-15");
        sent.put("twice-1", new Sent(twice, runKey + "-twice", head));
        sent.put("twice-2", new Sent(twice, runKey + "-twice", head));

        DistributionSummary sizes = Metrics.globalRegistry.get("thidua.participation.group.records").summary();
        long groupsBefore = sizes.count();
        double recordsBefore = sizes.totalAmount();
        Map<String, HttpResponse<String>> answers = gathered(sent);
        assertThat((sizes.totalAmount() - recordsBefore) / (sizes.count() - groupsBefore))
                .as("records per group while the writers were held (%d groups)", sizes.count() - groupsBefore).isGreaterThanOrEqualTo(4.0);

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> ok = answers.get("ok-" + i);
            assertThat(ok.statusCode()).as("ok-" + i + ": " + ok.body()).isEqualTo(201);
            String id = json(ok).path("recordId").asText();
            assertThat(ok.headers().firstValue("Location")).hasValue("http://localhost:" + RestAssured.port + "/api/participations/" + id);
            assertThat(storedActor(id)).isEqualTo(i % 2 == 0 ? "user:canbo.tdkt" : "user:truong.khtc");
            assertThat(storedAnswer(runKey + "-ok-" + i)).isEqualTo(ok.body());
        }
        assertThat(answers.get("keyless").statusCode()).isEqualTo(201);
        List<String> grouped = new ArrayList<>();
        for (String name : List.of("ok-2", "ok-3", "ok-4", "ok-5", "keyless")) {
            grouped.add(json(answers.get(name)).path("recordId").asText());
        }
        assertThat(transactions(grouped)).as("the records sent while the writers were held committed in one transaction").isEqualTo(1);
        assertThat(storedActor(json(answers.get("keyless")).path("recordId").asText())).isEqualTo("user:truong.khtc");
        problem(answers.get("not-on-roster"), 422, "member-not-on-roster");
        problem(answers.get("outside-period"), 422, "outside-campaign-period");
        assertThat(keys(runKey + "-stranger")).as("a refused request leaves no key").isZero();
        assertThat(keys(runKey + "-late")).isZero();
        List<Integer> registrations = List.of(answers.get("registered-a").statusCode(), answers.get("registered-b").statusCode());
        assertThat(registrations).containsExactlyInAnyOrder(201, 409);
        problem(registrations.get(0) == 409 ? answers.get("registered-a") : answers.get("registered-b"), 409, "already-registered");
        assertThat(answers.get("retry").statusCode()).isEqualTo(201);
        assertThat(answers.get("retry").headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(answers.get("retry")).path("recordId").asText()).isEqualTo(retriedId);
        problem(answers.get("key-reused"), 409, "idempotency-key-reused");
        assertThat(json(answers.get("twice-1")).path("recordId").asText()).isEqualTo(json(answers.get("twice-2")).path("recordId").asText());
        assertThat(List.of(answers.get("twice-1").statusCode(), answers.get("twice-2").statusCode())).containsOnly(201);

        // the first record, six, the keyless one, one registration and one of the two sent with one key
        assertThat(count("SELECT count(*) FROM participation_view WHERE campaign_id = ?", campaign)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM domain_event_entry e JOIN participation_view v ON v.record_id = e.aggregate_identifier "
                + "WHERE v.campaign_id = ?", campaign)).isEqualTo(10);
    }

    @Test
    void a_group_whose_transaction_fails_is_done_alone_and_only_the_failing_record_fails() throws Exception {
        String campaign = campaign("group-fails-");
        String poison = "Bản ghi làm hỏng giao dịch " + System.nanoTime();
        execute("CREATE OR REPLACE FUNCTION group_commit_test_refuse() RETURNS trigger AS $$ BEGIN "
                + "IF NEW.description = '" + poison + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        execute("CREATE TRIGGER group_commit_test_refuse BEFORE INSERT ON participation_view FOR EACH ROW EXECUTE FUNCTION group_commit_test_refuse()");
        try {
            Map<String, Sent> sent = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                Map<String, Object> body = Fixtures.record(campaign, UNIT, "GC-" + (i % 3), "ACTIVITY", "2023-04-0" + (i + 1));
                if (i == 5) {
                    body.put("description", poison);
                }
                sent.put(Integer.toString(i), new Sent(body, campaign + "-" + i, TestTokens.officer()));
            }
            Map<String, HttpResponse<String>> answers = gathered(sent);
            for (int i = 0; i < sent.size(); i++) {
                HttpResponse<String> answer = answers.get(Integer.toString(i));
                if (i == 5) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("refused by the test");
                } else {
                    assertThat(answer.statusCode()).as(i + ": " + answer.body()).isEqualTo(201);
                }
            }
            assertThat(count("SELECT count(*) FROM participation_view WHERE campaign_id = ?", campaign)).isEqualTo(7);
            assertThat(keys(campaign + "-5")).isZero();
            List<String> alone = new ArrayList<>();
            for (String name : List.of("2", "3", "4", "6", "7")) {
                alone.add(json(answers.get(name)).path("recordId").asText());
            }
            assertThat(transactions(alone)).as("the group's records, done alone after it rolled back").isEqualTo(alone.size());
        } finally {
            execute("DROP TRIGGER group_commit_test_refuse ON participation_view");
            execute("DROP FUNCTION group_commit_test_refuse()");
        }
    }

    private String campaign(String prefix) {
        String campaign = prefix + System.nanoTime();
        Fixtures.campaignService().publish(campaign, Fixtures.campaign(campaign, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), UNIT, OTHER_UNIT));
        Fixtures.awaitCampaignKnown(campaign);
        for (int m = 0; m < 3; m++) {
            Fixtures.join(UNIT, "GC-" + m, "Lê Thị Hường " + m, "2022-12-01");
        }
        return campaign;
    }

    private static HttpResponse<String> send(Sent s) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/participations"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + s.token())
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(s.body())));
        if (s.key() != null) {
            request.header("Idempotency-Key", s.key());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends every request at once with the writers held, and answers each by name. Each writer takes
     * one of the first requests and waits; the rest queue; when released, the writer that locks first
     * takes them all into its group, the other commits the one it took.
     */
    private Map<String, HttpResponse<String>> gathered(Map<String, Sent> sent) throws Exception {
        int writers = settings.writers();
        Map<String, HttpResponse<String>> answers = new HashMap<>();
        try (AutoCloseable held = groups.hold()) {
            Map<String, Future<HttpResponse<String>>> pending = new LinkedHashMap<>();
            List<Map.Entry<String, Sent>> all = new ArrayList<>(sent.entrySet());
            for (int i = 0; i < all.size(); i++) {
                Sent s = all.get(i).getValue();
                pending.put(all.get(i).getKey(), senders.submit(() -> send(s)));
                if (i == writers - 1) {
                    await(() -> groups.writersHeld() == writers && groups.waiting() == 0, "each writer holds the one it took");
                }
            }
            await(() -> groups.waiting() == all.size() - writers, "the others wait together");
            held.close();
            for (var e : pending.entrySet()) {
                answers.put(e.getKey(), e.getValue().get(60, TimeUnit.SECONDS));
            }
        }
        return answers;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }

    private void problem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asText()).isEqualTo("https://thidua.vn/problems/" + type);
    }

    private String storedActor(String recordId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            q.setString(1, recordId);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).as("a stored event for " + recordId).isTrue();
                return mapper.readTree(rows.getBytes(1)).path(Actor.METADATA_KEY).asText(null);
            }
        }
    }

    /** The answer stored for an Idempotency-Key of a single record, or null when the key is not kept. */
    private String storedAnswer(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT body FROM idempotency_key WHERE scope = 'participations' AND idem_key = ?")) {
            q.setString(1, key);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** How many rows an Idempotency-Key of a single record has (a claim left behind has no body: counted too). */
    private long keys(String key) throws Exception {
        return count("SELECT count(*) FROM idempotency_key WHERE scope = 'participations' AND idem_key = ?", key);
    }

    /** How many transactions wrote the views of these records (PostgreSQL's {@code xmin} of each row). */
    private long transactions(List<String> recordIds) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(DISTINCT xmin::text) FROM participation_view WHERE record_id = ANY(?)")) {
            q.setArray(1, c.createArrayOf("text", recordIds.toArray()));
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
