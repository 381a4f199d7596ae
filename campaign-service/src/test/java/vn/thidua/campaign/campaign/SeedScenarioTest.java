package vn.thidua.campaign.campaign;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.thidua.campaign.SeedData;
import vn.thidua.contract.chain.ChainVerifier;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.NotificationAcknowledged;
import vn.thidua.contract.events.Topic;
import vn.thidua.testsupport.TopicReader;

/** The seed document end to end: plans 108 and 132, the two campaigns, every unit notified, on a real broker. */
@QuarkusTest
class SeedScenarioTest {

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String launch(Map<String, Object> campaign) {
        return given().contentType(ContentType.JSON).body(campaign)
                .post("/api/campaigns").then().statusCode(201).extract().path("campaignId");
    }

    static List<PublishedEvent> eventsOf(List<ConsumerRecord<String, byte[]>> records, Set<String> campaignIds) {
        return records.stream().map(KafkaBinding::fromRecord)
                .filter(e -> campaignIds.contains(e.attributes().aggregateId())).toList();
    }

    @Test
    void seed_campaigns_reach_every_unit_on_the_right_topics_keys_and_headers() {
        SeedData.registerUnits();
        for (Map<String, Object> plan : List.of(SeedData.plan108(), SeedData.plan132(), SeedData.plan12())) {
            given().contentType(ContentType.JSON).body(plan).post("/api/plans").then().statusCode(oneOf(200, 201));
        }
        String phase = launch(SeedData.phaseCampaign());
        String thematic = launch(SeedData.thematicCampaign());
        given()
                .post("/api/campaigns/" + phase + "/acknowledgements/TTR").then().statusCode(201);

        given().get("/api/campaigns/" + phase).then().statusCode(200)
                .body("kind", equalTo("PHASE"))
                .body("basisPlans[0].number", equalTo("132/KH-UBND"))
                .body("launchDocument.signerCapacity", equalTo("KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"))
                .body("recipients", hasSize(5))
                .body("recipients.find { it.unitCode == 'TTR' }.acknowledged", equalTo(true))
                .body("recipients.find { it.unitCode == 'VP' }.acknowledged", equalTo(false));

        Set<String> ours = Set.of(phase, thematic);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(bootstrap(),
                List.of(Topic.CAMPAIGN.address(), Topic.NOTIFICATION.address()),
                read -> eventsOf(read, ours).size() >= 13, Duration.ofSeconds(60));
        List<PublishedEvent> events = eventsOf(records, ours);

        // 2 launches + 5 notifications each + 1 acknowledgement, each exactly once
        assertThat(events).hasSize(13);
        assertThat(events.stream().map(e -> e.attributes().id()).distinct().count()).isEqualTo(13);

        List<ConsumerRecord<String, byte[]>> launches = records.stream()
                .filter(r -> r.topic().equals(Topic.CAMPAIGN.address()) && ours.contains(r.key())).toList();
        assertThat(launches).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(phase, thematic);
        for (ConsumerRecord<String, byte[]> r : launches) {
            assertThat(header(r, "ce_type")).isEqualTo("vn.thidua.campaign.CampaignLaunched.v1");
            assertThat(header(r, "ce_source")).isEqualTo("/thidua/campaign-service");
            assertThat(header(r, "ce_aggregatesequence")).isEqualTo("0");
            assertThat(header(r, "content-type")).isEqualTo("application/json");
        }
        CampaignLaunched launched = (CampaignLaunched) KafkaBinding.fromRecord(launches.stream()
                .filter(r -> r.key().equals(thematic)).findFirst().orElseThrow()).event();
        assertThat(launched.title()).isEqualTo("Thái Nguyên chung sức xây dựng nông thôn mới giai đoạn 2021-2025");
        assertThat(launched.basisPlans()).extracting(p -> p.number()).containsExactly("108/KH-UBND", "12/KH-KHCN");
        assertThat(launched.recipientUnitCodes()).containsExactlyInAnyOrderElementsOf(SeedData.UNITS.keySet());

        List<ConsumerRecord<String, byte[]>> notifications = records.stream()
                .filter(r -> r.topic().equals(Topic.NOTIFICATION.address()))
                .filter(r -> ours.contains(KafkaBinding.fromRecord(r).attributes().aggregateId())).toList();
        assertThat(notifications).hasSize(11);
        for (ConsumerRecord<String, byte[]> r : notifications) {
            PublishedEvent e = KafkaBinding.fromRecord(r);
            String unit = e.event() instanceof DepartmentNotified n ? n.unitCode() : ((NotificationAcknowledged) e.event()).unitCode();
            assertThat(r.key()).isEqualTo(unit);
            assertThat(e.attributes().subject()).isEqualTo(unit);
        }
        DepartmentNotified toQlkh = notifications.stream().map(r -> KafkaBinding.fromRecord(r).event())
                .filter(e -> e instanceof DepartmentNotified n && n.unitCode().equals("QLKH") && n.campaignId().equals(phase))
                .map(DepartmentNotified.class::cast).findFirst().orElseThrow();
        assertThat(toQlkh.unitName()).isEqualTo("Phòng Quản lý khoa học");
        assertThat(toQlkh.documentNumber()).isEqualTo("45/KH-CN-TTR");

        // order per key: TTR's stream has the notification of the phase before its acknowledgement
        List<String> ttrTypes = notifications.stream().filter(r -> r.key().equals("TTR"))
                .filter(r -> KafkaBinding.fromRecord(r).attributes().aggregateId().equals(phase))
                .map(r -> header(r, "ce_type")).toList();
        assertThat(ttrTypes).containsExactly("vn.thidua.campaign.DepartmentNotified.v1", "vn.thidua.campaign.NotificationAcknowledged.v1");

        // every aggregate's events came out in sequence, each partition's hash chain holds
        assertChainsHold(records);
    }

    static void assertChainsHold(List<ConsumerRecord<String, byte[]>> records) {
        ChainVerifier verifier = new ChainVerifier();
        List<ConsumerRecord<String, byte[]>> ordered = new ArrayList<>(records);
        ordered.sort(java.util.Comparator.<ConsumerRecord<String, byte[]>, String>comparing(ConsumerRecord::topic)
                .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        for (ConsumerRecord<String, byte[]> r : ordered) {
            PublishedEvent e = KafkaBinding.fromRecord(r);
            verifier.accept(r.topic(), r.partition(), r.offset(), e.attributes(), e.data());
        }
        assertThat(verifier.findings()).isEmpty();
        try {
            assertThat(vn.thidua.testsupport.PublishedChainRule.mismatches(ordered)).as("every hash by docs/AUDITING.md's rule alone").isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Map<String, Long> perAggregate = ordered.stream().map(r -> KafkaBinding.fromRecord(r).attributes())
                .collect(Collectors.groupingBy(a -> a.aggregateId(), Collectors.counting()));
        assertThat(perAggregate).isNotEmpty();
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
