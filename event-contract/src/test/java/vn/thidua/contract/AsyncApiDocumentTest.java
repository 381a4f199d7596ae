package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.Topic;

class AsyncApiDocumentTest {
    private static JsonNode doc;

    @BeforeAll
    static void read() throws Exception {
        doc = new ObjectMapper(new YAMLFactory()).readTree(Path.of("asyncapi.yaml").toFile());
    }

    @Test
    void is_asyncapi_3() {
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
    }

    @Test
    void the_headers_it_lists_are_exactly_the_headers_written() {
        var event = SampleEvents.departmentNotified();
        byte[] data = vn.thidua.contract.envelope.EventCodec.instance().encode(event);
        var attributes = vn.thidua.contract.envelope.EventAttributes.unchained("id-1", "/thidua/campaign-service",
                EventType.of(event).ceType(), java.time.Instant.parse("2023-03-02T08:15:00.490Z"), event.partitionKey(),
                "system:campaign-service", "agg-1", 0).chainedAfter(vn.thidua.contract.chain.HashChain.GENESIS, data);
        var record = vn.thidua.contract.envelope.KafkaBinding.toRecord("thidua.notification.v1", 0, attributes, data);
        List<String> written = new ArrayList<>();
        record.headers().forEach(h -> written.add(h.key()));
        List<String> listed = new ArrayList<>();
        doc.path("components").path("messageTraits").path("cloudEvent").path("headers").path("required").forEach(n -> listed.add(n.asText()));
        assertThat(written).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(doc.path("components").path("messageTraits").path("cloudEvent").path("headers").path("properties").size())
                .isEqualTo(listed.size());
    }

    @Test
    void every_event_type_is_a_message_named_by_its_cloud_events_type() {
        for (EventType type : EventType.values()) {
            JsonNode message = doc.path("components").path("messages").path(type.eventName());
            assertThat(message.isMissingNode()).as(type.eventName() + " in components.messages").isFalse();
            assertThat(message.path("name").asText()).isEqualTo(type.ceType());
        }
        assertThat(doc.path("components").path("messages").size()).isEqualTo(EventType.values().length);
    }

    @Test
    void every_event_type_is_on_the_channel_of_its_topic() {
        for (EventType type : EventType.values()) {
            JsonNode channel = channelOf(type.topic());
            assertThat(channel.path("messages").path(type.eventName()).path("$ref").asText())
                    .isEqualTo("#/components/messages/" + type.eventName());
        }
    }

    @Test
    void every_topic_is_a_channel_and_nothing_else_is() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(java.util.Arrays.stream(Topic.values()).map(Topic::address).toArray(String[]::new));
    }

    @Test
    void payloads_are_the_schemas_the_codec_validates_with() throws Exception {
        for (EventType type : EventType.values()) {
            String ref = doc.path("components").path("messages").path(type.eventName()).path("payload").path("$ref").asText();
            byte[] documented = Files.readAllBytes(Path.of(ref));
            try (InputStream used = getClass().getResourceAsStream(type.schemaResource())) {
                assertThat(documented).as(ref).isEqualTo(used.readAllBytes());
            }
        }
    }

    private static JsonNode channelOf(Topic topic) {
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(topic.address())) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic.address());
    }
}
