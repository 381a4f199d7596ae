package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.ThiduaEvent;

/**
 * Our canonical JSON must be byte for byte what the RFC 8785 reference library gives: a hash chain
 * written by one and checked by the other must hold.
 */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whole code points (a lone surrogate is not JSON text and cannot arrive as UTF-8). */
    private static final String[] SPECIALS = {"😀", "ẫ", "\"", "\\", "𝄞"};

    private static String reference(JsonNode node) throws Exception {
        return new JsonCanonicalizer(node.toString()).getEncodedString();
    }

    private static String ours(EventAttributes a, byte[] data) {
        return HashChain.canonicalJson(a, data);
    }

    private static EventAttributes attributes(ThiduaEvent e, long sequence) {
        return new EventAttributes("id-" + sequence, "/thidua/test", EventType.of(e).ceType(), "2023-05-19T01:02:03.456Z",
                e.partitionKey(), "system:test", "agg-1", sequence, HashChain.GENESIS, null);
    }

    @Test
    void every_sample_event_canonicalizes_as_the_reference_library_does() throws Exception {
        long seq = 0;
        for (ThiduaEvent e : SampleEvents.all()) {
            byte[] data = EventCodec.instance().encode(e);
            EventAttributes a = attributes(e, seq++);
            String ours = ours(a, data);
            assertThat(ours).isEqualTo(reference(JSON.readTree(ours)));
        }
    }

    @Test
    void awkward_strings_and_numbers_canonicalize_as_the_reference_library_does() throws Exception {
        List<String> strings = new ArrayList<>(List.of("", "\"quoted\"", "back\\slash", "tab\there\nnew\rline\bbell\f",
                "\u0000\u0001\u001f\u007f", "Nguyễn Thị Ánh “Dân vận khéo” — 75 năm", "emoji 😀 𝄞", "\u2028\u2029", "</script>"));
        Random random = new Random(8785);
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 1 + random.nextInt(20); j++) {
                int kind = random.nextInt(4);
                s.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? (char) (0x20 + random.nextInt(0x60))
                        : kind == 2 ? (char) (0xA0 + random.nextInt(0x2000)) : SPECIALS[random.nextInt(SPECIALS.length)]);
            }
            strings.add(s.toString());
        }
        for (String s : strings) {
            ObjectNode node = JSON.createObjectNode();
            node.put("z" + s, s).put("a", s).put("ä", 1).put("big", 9007199254740991L).put("neg", -42).put("frac", 0.1)
                    .put("exp", 1e21).put("small", 1e-7).put("zero", 0.0).putArray("list").add(s).add(3).addNull().add(true);
            node.putObject("nested").put(s, "x").put("A", false);
            String ours = vnCanonical(node);
            assertThat(ours).as("canonical form of %s", s).isEqualTo(reference(node));
        }
    }

    /** Goes through HashChain's public path: the node as the data of an event. */
    private static String vnCanonical(ObjectNode data) throws Exception {
        String whole = HashChain.canonicalJson(new EventAttributes("i", "/s", "t", "1970-01-01T00:00:00Z", "k", "system:s", "a", 0, HashChain.GENESIS, null),
                JSON.writeValueAsBytes(data));
        // the data member, which comes right before "datacontenttype" in the sorted output
        return whole.substring(whole.indexOf("\"data\":") + 7, whole.indexOf(",\"datacontenttype\""));
    }
}
