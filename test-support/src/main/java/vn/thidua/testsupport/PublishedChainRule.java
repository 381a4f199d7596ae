package vn.thidua.testsupport;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The hash chain recomputed from raw Kafka records with nothing but the rule as docs/AUDITING.md
 * publishes it: no class of the project, its own RFC 8785 writer (Jackson only parses), and
 * {@link MessageDigest}. Tests hold the log written by the real code to it, so that the published
 * rule, not the code, is what the log answers to.
 */
public final class PublishedChainRule {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private PublishedChainRule() {
    }

    /** What does not hold, one line per record (empty when every hash and link holds); records in offset order per partition. */
    public static List<String> mismatches(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<String> out = new ArrayList<>();
        Map<String, String> heads = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String where = r.topic() + "-" + r.partition() + "@" + r.offset();
            Map<String, String> attributes = new TreeMap<>();
            String claimed = null;
            for (Header h : r.headers()) {
                String value = new String(h.value(), StandardCharsets.UTF_8);
                if (h.key().equals("ce_eventhash")) {
                    claimed = value;
                } else if (h.key().startsWith("ce_")) {
                    attributes.put(h.key().substring(3), value);
                } else if (h.key().equals("content-type")) {
                    attributes.put("datacontenttype", value);
                }
            }
            ObjectNode hashed = JsonNodeFactory.instance.objectNode();
            attributes.forEach(hashed::put);
            hashed.set("data", JSON.readTree(r.value()));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(attributes.getOrDefault("previoushash", "").getBytes(StandardCharsets.UTF_8));
            String actual = HexFormat.of().formatHex(sha.digest(canonical(hashed).getBytes(StandardCharsets.UTF_8)));
            if (claimed != null && claimed.equals(seen.get(attributes.get("id")))) {
                continue; // a re-sent event
            }
            String head = heads.getOrDefault(r.topic() + "-" + r.partition(), "0".repeat(64));
            if (!actual.equals(claimed)) {
                out.add(where + ": content hashes to " + actual + ", the record says " + claimed);
            } else if (!head.equals(attributes.get("previoushash"))) {
                out.add(where + ": previoushash " + attributes.get("previoushash") + ", the record before has " + head);
            }
            heads.put(r.topic() + "-" + r.partition(), claimed == null ? "" : claimed);
            seen.put(attributes.get("id"), claimed);
        }
        return out;
    }

    /** RFC 8785 for the JSON thidua events hold (strings, integers within ±2^53, booleans, null, arrays, objects). */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.sort(null); // String order is UTF-16 code unit order
                out.append('{');
                for (String name : names) {
                    out.append(out.length() > 1 ? "," : "").append(string(name)).append(':').append(canonical(node.get(name)));
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i > 0 ? "," : "").append(canonical(node.get(i)));
                }
                out.append(']');
            }
            case STRING -> out.append(string(node.textValue()));
            case NUMBER -> {
                if (!node.isIntegralNumber() || Math.abs(node.asLong()) > (1L << 53)) {
                    throw new IllegalArgumentException("thidua events hold only integers within ±2^53, found " + node);
                }
                out.append(node.asLong());
            }
            case BOOLEAN, NULL -> out.append(node);
            default -> throw new IllegalArgumentException("not JSON: " + node);
        }
        return out.toString();
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
