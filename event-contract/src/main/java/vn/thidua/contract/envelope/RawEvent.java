package vn.thidua.contract.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.events.InvalidEventException;

/**
 * A record as it is on the wire, read without judging it: its CloudEvents attributes as the exact
 * strings of their headers ({@code ce_<name>}, and {@code content-type} as {@code datacontenttype}),
 * its {@code ce_eventhash} apart, and its value. The hash chain is checked over this, so that an
 * event that breaks its schema or names an unknown type is still a link of its partition's chain.
 *
 * @param attributes  every attribute but {@code eventhash}, by name (sorted)
 * @param eventHash   the {@code ce_eventhash} header, or null when absent
 * @param data        the record value as received (may be null)
 * @param violations  what in the headers themselves breaks the binding (repeated header, not UTF-8); empty when none
 */
public record RawEvent(Map<String, String> attributes, String eventHash, byte[] data, List<String> violations) {

    public static final String HEADER_PREFIX = "ce_";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    /** Reads the headers and value of {@code record}; never fails. */
    public static RawEvent of(ConsumerRecord<?, byte[]> record) {
        Map<String, String> attributes = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        String eventHash = null;
        for (Header header : record.headers()) {
            String name;
            if (header.key().startsWith(HEADER_PREFIX)) {
                name = header.key().substring(HEADER_PREFIX.length());
            } else if (header.key().equals(CONTENT_TYPE_HEADER)) {
                name = "datacontenttype";
            } else {
                continue;
            }
            String value = utf8(header.value(), header.key(), violations);
            if (name.equals(EventAttributes.EXT_HASH)) {
                if (eventHash != null) {
                    violations.add("header " + header.key() + " is repeated");
                }
                eventHash = value;
            } else if (attributes.put(name, value) != null) {
                violations.add("header " + header.key() + " is repeated");
            }
        }
        return new RawEvent(attributes, eventHash, record.value(), List.copyOf(violations));
    }

    /** The hash this record's content has under the chain rule; throws {@link InvalidEventException} when the value is not JSON. */
    public String contentHash() {
        return HashChain.hash(attributes, data);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    private static String utf8(byte[] value, String header, List<String> violations) {
        if (value == null) {
            violations.add("header " + header + " has no value");
            return "";
        }
        if (ascii(value)) {
            return new String(value, StandardCharsets.US_ASCII); // most headers (ids, types, times, hashes): no decoder needed
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            violations.add("header " + header + " is not UTF-8");
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static boolean ascii(byte[] value) {
        for (byte b : value) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
