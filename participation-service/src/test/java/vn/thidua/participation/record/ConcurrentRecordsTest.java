package vn.thidua.participation.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.Topic;
import vn.thidua.participation.Fixtures;
import vn.thidua.participation.config.AxonConfiguration;
import vn.thidua.testsupport.TopicReader;

/** Many unit heads at once, with client retries; and the relay stopped in the middle of the stream. */
@QuarkusTest
class ConcurrentRecordsTest {
    private static final int RECORDS = 1000;
    private static final int MEMBERS = 50;

    @Inject
    ObjectMapper mapper;
    @Inject
    AxonConfiguration axon;

    @Test
    void a_thousand_records_posted_concurrently_with_retries_of_the_same_keys_are_a_thousand_events() throws Exception {
        String campaign = "concurrent-" + System.nanoTime();
        Fixtures.campaignService().publish(campaign, Fixtures.campaign(campaign, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "KHTC"));
        Fixtures.awaitCampaignKnown(campaign);
        for (int m = 0; m < MEMBERS; m++) {
            Fixtures.join("KHTC", "KT-" + m, "Cán bộ Phòng Kế hoạch - Tài chính số " + m, "2022-12-01");
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Bearer " + vn.thidua.testsupport.TestTokens.unitHead("KHTC");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        Map<String, String> recordIdByKey = new ConcurrentHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            order.add(i);
            order.add(i); // every request is retried once, with the same key and body
        }
        Collections.shuffle(order, new java.util.Random(7));
        for (int i : order) {
            Map<String, Object> body = Fixtures.record(campaign, "KHTC", "KT-" + (i % MEMBERS), "ACTIVITY",
                    LocalDate.of(2023, 1, 1).plusDays(i % 365).toString());
            String json = mapper.writeValueAsString(body);
            String key = campaign + "-record-" + i;
            answers.add(pool.submit(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/participations"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key).header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                String id = mapper.readTree(response.body()).path("recordId").asText();
                String earlier = recordIdByKey.putIfAbsent(key, id);
                if (earlier != null && !earlier.equals(id)) {
                    throw new AssertionError("key " + key + " answered two record ids: " + earlier + " and " + id);
                }
                return response.statusCode();
            }));
        }
        Map<Integer, Long> statuses = new HashMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(), 1L, Long::sum);
        }
        pool.shutdown();

        assertThat(statuses).isEqualTo(Map.of(201, (long) RECORDS * 2));
        assertThat(Set.copyOf(recordIdByKey.values())).hasSize(RECORDS);

        List<PublishedEvent> published = readCampaign(campaign, RECORDS);
        assertThat(published).hasSize(RECORDS);
        assertThat(published.stream().map(e -> ((ParticipationRecorded) e.event()).recordId()).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(recordIdByKey.values()));
    }

    @Test
    void records_made_while_the_relay_is_down_are_published_once_when_it_is_back() throws Exception {
        String campaign = "restart-" + System.nanoTime();
        Fixtures.campaignService().publish(campaign, Fixtures.campaign(campaign, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "QLKH"));
        Fixtures.awaitCampaignKnown(campaign);
        for (int i = 0; i < 20; i++) {
            vn.thidua.testsupport.SignedIn.given().contentType("application/json").body(Fixtures.record(campaign, "QLKH", null, "ACTIVITY", "2023-03-0" + (1 + i % 9)))
                    .post("/api/participations").then().statusCode(201);
        }
        assertThat(readCampaign(campaign, 20)).hasSize(20);

        axon.service().relay().shutDown();
        for (int i = 0; i < 30; i++) {
            vn.thidua.testsupport.SignedIn.given().contentType("application/json").body(Fixtures.record(campaign, "QLKH", null, "ACTIVITY", "2023-04-1" + (i % 9)))
                    .post("/api/participations").then().statusCode(201);
        }
        axon.service().relay().start();

        List<PublishedEvent> all = readCampaign(campaign, 50);
        assertThat(all).hasSize(50);
        assertThat(all.stream().map(e -> e.attributes().id()).distinct().count()).isEqualTo(50);
    }

    private static List<PublishedEvent> readCampaign(String campaign, int expected) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(Fixtures.bootstrap(), List.of(Topic.PARTICIPATION.address()),
                read -> ofCampaign(read, campaign).size() >= expected, Duration.ofSeconds(90));
        return ofCampaign(records, campaign);
    }

    private static List<PublishedEvent> ofCampaign(List<ConsumerRecord<String, byte[]>> records, String campaign) {
        return records.stream().map(KafkaBinding::fromRecord)
                .filter(e -> ((ParticipationRecorded) e.event()).campaignId().equals(campaign)).toList();
    }
}
