package vn.thidua.campaign.campaign;

import static vn.thidua.testsupport.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.thidua.campaign.SeedData;
import vn.thidua.campaign.config.AxonConfiguration;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.testsupport.TopicReader;

/** The relay stopped and started again (as in a service restart) relays nothing twice and misses nothing. */
@QuarkusTest
class RelayRestartTest {
    @Inject
    AxonConfiguration axon;

    private static final List<String> TOPICS = List.of(Topic.CAMPAIGN.address(), Topic.NOTIFICATION.address());

    @Test
    void events_stored_while_the_relay_was_down_are_sent_once_after_it_restarts() {
        SeedData.registerUnits();
        given().contentType(ContentType.JSON).body(SeedData.plan132()).post("/api/plans").then().statusCode(oneOf(200, 201));
        String before = SeedScenarioTest.launch(SeedData.phaseCampaign());
        List<ConsumerRecord<String, byte[]>> relayedBefore = TopicReader.readUntil(SeedScenarioTest.bootstrap(), TOPICS,
                read -> SeedScenarioTest.eventsOf(read, Set.of(before)).size() >= 6, Duration.ofSeconds(60));
        assertThat(SeedScenarioTest.eventsOf(relayedBefore, Set.of(before))).hasSize(6);

        axon.service().relay().shutDown();
        String during = SeedScenarioTest.launch(SeedData.phaseCampaign());
        given()
                .post("/api/campaigns/" + before + "/acknowledgements/VP").then().statusCode(201);
        List<ConsumerRecord<String, byte[]>> whileDown = TopicReader.readUntil(SeedScenarioTest.bootstrap(), TOPICS,
                read -> false, Duration.ofSeconds(2));
        assertThat(SeedScenarioTest.eventsOf(whileDown, Set.of(during))).isEmpty();

        axon.service().relay().start();
        List<ConsumerRecord<String, byte[]>> after = TopicReader.readUntil(SeedScenarioTest.bootstrap(), TOPICS,
                read -> SeedScenarioTest.eventsOf(read, Set.of(before, during)).size() >= 13, Duration.ofSeconds(60));
        List<PublishedEvent> ours = SeedScenarioTest.eventsOf(after, Set.of(before, during));

        Map<String, Long> copies = ours.stream().collect(Collectors.groupingBy(e -> e.attributes().id(), Collectors.counting()));
        assertThat(copies).hasSize(13);
        assertThat(copies.values()).containsOnly(1L);
        Map<String, List<Long>> sequences = ours.stream().collect(Collectors.groupingBy(e -> e.attributes().aggregateId(),
                Collectors.mapping(e -> e.attributes().aggregateSequence(), Collectors.toList())));
        assertThat(sequences.get(during)).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(sequences.get(before)).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        SeedScenarioTest.assertChainsHold(after);
        assertThat(after.stream().map(KafkaBinding::fromRecord).map(e -> e.attributes().id())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).values()).containsOnly(1L);
    }
}
