package vn.thidua.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.axon.Actor;
import vn.thidua.testsupport.TopicReader;

/** {@code ce_actor}: the command's actor goes on every event it applies; without one, the service is the actor. */
@QuarkusTest
class ActorTest {
    @Inject
    CommandGateway commands;

    private static List<ConsumerRecord<String, byte[]>> eventsOf(String campaignId, int count) {
        return TopicReader.readUntil(SeedScenarioTest.bootstrap(), List.of(Topic.CAMPAIGN.address(), Topic.NOTIFICATION.address()),
                read -> ours(read, campaignId).size() >= count, Duration.ofSeconds(60)).stream()
                .filter(r -> campaignId.equals(SeedScenarioTest.header(r, "ce_aggregateid"))).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> ours(List<ConsumerRecord<String, byte[]>> read, String campaignId) {
        return read.stream().filter(r -> r.headers().lastHeader("ce_aggregateid") != null
                && campaignId.equals(new String(r.headers().lastHeader("ce_aggregateid").value(), StandardCharsets.UTF_8))).toList();
    }

    private String launch(Map<String, ?> metaData) {
        String campaignId = UUID.randomUUID().toString();
        LaunchCampaign launch = new LaunchCampaign(campaignId, CampaignKind.THEMATIC, "Phong trào chuyển đổi số", "Nội dung", List.of(),
                new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
                new LaunchDocument("99/KH-CN-TTR", LocalDate.of(2022, 12, 20), "Phạm Thị Hiền", "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"),
                List.of(new Recipient("VP", "Văn phòng Sở"), new Recipient("TTR", "Thanh tra Sở")));
        QuarkusTransaction.requiringNew().run(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(launch)
                .withMetaData(MetaData.from(metaData))));
        return campaignId;
    }

    @Test
    void the_commands_actor_is_every_applied_events_ce_actor() {
        String campaignId = launch(Map.of(Actor.METADATA_KEY, Actor.user("nguyen.thi.thanh")));

        List<ConsumerRecord<String, byte[]>> events = eventsOf(campaignId, 3);
        assertThat(events).hasSize(3) // the launch and its two notifications
                .allSatisfy(r -> assertThat(SeedScenarioTest.header(r, "ce_actor")).isEqualTo("user:nguyen.thi.thanh"));
    }

    @Test
    void without_an_actor_the_service_is_the_actor() {
        String campaignId = launch(Map.of());

        assertThat(eventsOf(campaignId, 3)).hasSize(3)
                .allSatisfy(r -> assertThat(SeedScenarioTest.header(r, "ce_actor")).isEqualTo("system:campaign-service"));
    }
}
