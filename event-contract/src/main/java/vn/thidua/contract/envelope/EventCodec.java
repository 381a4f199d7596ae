package vn.thidua.contract.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.InvalidEventException;
import vn.thidua.contract.events.ThiduaEvent;

/**
 * The one JSON codec for event data, used by every service and the audit tool. Writing gives
 * UTF-8 JSON with every field present; reading is strict: broken JSON, a field the schema does
 * not know, a missing field or a wrong type is rejected with the reason, never half-read.
 * Thread-safe.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper;
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    private EventCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static EventCodec instance() {
        return INSTANCE;
    }

    /** The event's data as UTF-8 JSON. */
    public byte[] encode(ThiduaEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    /** Decodes and validates data of the given type against its JSON Schema. */
    public ThiduaEvent decode(EventType type, byte[] data) {
        return decode(type, parse(data));
    }

    /** As {@link #decode(EventType, byte[])} for data already parsed ({@link #parse}); the tree is only read. */
    public ThiduaEvent decode(EventType type, JsonNode tree) {
        validate(type, tree);
        try {
            return mapper.treeToValue(tree, type.recordClass());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(type.eventName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes data named by its CloudEvents type (unknown types are rejected). */
    public ThiduaEvent decode(String ceType, byte[] data) {
        return decode(EventType.ofCeType(ceType), data);
    }

    /** The schema violations of {@code data} as {@code type}; empty when valid. */
    public Set<String> violations(EventType type, JsonNode data) {
        Set<ValidationMessage> messages = schemas.get(type).validate(data);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Parses JSON strictly (duplicate keys and trailing content are errors). */
    public JsonNode parse(byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidEventException("event has no data");
        }
        try {
            return mapper.readTree(data);
        } catch (IOException e) {
            throw new InvalidEventException("event data is not valid JSON: " + e.getMessage(), e);
        }
    }

    private void validate(EventType type, JsonNode tree) {
        Set<String> violations = violations(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.eventName() + " does not match its schema: " + String.join("; ", violations));
        }
    }

    /** The mapper behind the codec, for canonical hashing; do not reconfigure it. */
    ObjectMapper mapper() {
        return mapper;
    }
}
