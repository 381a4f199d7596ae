package vn.thidua.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import vn.thidua.contract.events.Topic;
import vn.thidua.scoring.ScoreTable;

/**
 * The audit bundle of a year: one JSON Lines file an auditor can take away and check with nothing
 * but docs/verify_bundle.py (docs/AUDITING.md describes it). Line 1 names the bundle; then every raw
 * record of every partition of every thidua topic, from the first offset, headers and value as received; the last line
 * is the table this tool computed and its digest. The {@code AppraisalClosed} of the year is one of
 * the records.
 */
final class Bundle {
    static final String FORMAT = "thidua-audit-bundle/1";
    /** Every topic: the table reads three of them, but a campaign's aggregate also writes notifications, and its sequence is checked whole. */
    static final List<Topic> TOPICS = List.of(Topic.values());

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundle() {
    }

    /** Writes the bundle of {@code year} to {@code out}, reading the log again; returns the records written. */
    static long write(Path out, Replay.Options options, int year, ScoreTable table, LogReader.Progress progress) {
        List<String> topics = new ArrayList<>();
        for (Topic t : TOPICS) {
            topics.add(t.address() + options.topicSuffix());
        }
        try (JsonGenerator json = JSON.getFactory().createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.writeStartObject();
            json.writeStringField("bundle", FORMAT);
            json.writeNumberField("year", year);
            json.writeStringField("topicSuffix", options.topicSuffix());
            json.writeStringField("asOf", options.asOf() == null ? null : options.asOf().toString());
            json.writeStringField("exportedAt", Instant.now().toString());
            json.writeEndObject();
            json.writeRaw('\n');
            long written = new LogReader(options.bootstrap(), options.kafkaLogin(), options.timeout()).read(topics, r -> {
                if (options.asOf() == null || !Instant.ofEpochMilli(r.timestamp()).isAfter(options.asOf())) {
                    record(json, r);
                }
            }, progress);
            json.writeStartObject();
            json.writeFieldName("table");
            json.writeTree(JSON.readTree(table.canonicalJson()));
            json.writeStringField("digest", table.digest());
            json.writeEndObject();
            json.writeRaw('\n');
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle " + out + ": " + e.getMessage(), e);
        }
    }

    private static void record(JsonGenerator json, ConsumerRecord<String, byte[]> r) {
        try {
            json.writeStartObject();
            json.writeStringField("topic", r.topic());
            json.writeNumberField("partition", r.partition());
            json.writeNumberField("offset", r.offset());
            json.writeNumberField("timestamp", r.timestamp());
            json.writeStringField("key", r.key());
            json.writeArrayFieldStart("headers");
            for (Header h : r.headers()) {
                json.writeStartArray();
                json.writeString(h.key());
                bytes(json, h.value());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeFieldName("value");
            bytes(json, r.value());
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as their UTF-8 text, or {@code {"base64": …}} when they are not UTF-8; null stays null. */
    private static void bytes(JsonGenerator json, byte[] bytes) throws IOException {
        if (bytes == null) {
            json.writeNull();
            return;
        }
        try {
            json.writeString(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            json.writeStartObject();
            json.writeStringField("base64", Base64.getEncoder().encodeToString(bytes));
            json.writeEndObject();
        }
    }
}
