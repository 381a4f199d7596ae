package vn.thidua.contract.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;

/**
 * The hash chain of a topic partition. An event's hash is
 * {@code SHA-256(previousHash ‖ canonical JSON)} in lowercase hex, where the canonical JSON (RFC 8785)
 * is an object of every CloudEvents attribute but the hash itself, each as the exact string of its
 * header, plus {@code data}. The first event of a partition follows {@link #GENESIS}. The rule, with a
 * worked example, is docs/AUDITING.md (chain rule v2).
 */
public final class HashChain {

    /** The "previous hash" of the first event in a partition. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The hash of an event whose {@code previousHash} is set; its {@code hash} is ignored. */
    public static String hash(EventAttributes attributes, byte[] data) {
        return hash(attributes.hashed(), data);
    }

    /**
     * The hash of an event given its attributes as the strings of their headers (every attribute but
     * {@code eventhash}, {@code previoushash} included) and its data.
     */
    public static String hash(Map<String, String> attributes, byte[] data) {
        return hash(attributes, EventCodec.instance().parse(data));
    }

    /** As {@link #hash(Map, byte[])} for data already parsed ({@link EventCodec#parse}); the tree is only read. */
    public static String hash(Map<String, String> attributes, JsonNode data) {
        String previous = attributes.get(EventAttributes.EXT_PREVIOUS_HASH);
        return sha256Hex(previous == null ? "" : previous, canonicalJson(attributes, data));
    }

    /** The canonical JSON the hash is computed over: every attribute as its header's string, plus {@code data} parsed. */
    public static String canonicalJson(Map<String, String> attributes, byte[] data) {
        return canonicalJson(attributes, EventCodec.instance().parse(data));
    }

    private static String canonicalJson(Map<String, String> attributes, JsonNode dataNode) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        attributes.forEach(node::put);
        node.set("data", dataNode);
        return CanonicalJson.of(node);
    }

    /** As {@link #canonicalJson(Map, byte[])} for attributes about to be written. */
    public static String canonicalJson(EventAttributes attributes, byte[] data) {
        return canonicalJson(attributes.hashed(), data);
    }

    /** SHA-256 over {@code previousHash ‖ canonical}, both UTF-8, as lowercase hex. */
    static String sha256Hex(String previousHash, String canonical) {
        MessageDigest digest = sha256();
        digest.update(previousHash.getBytes(StandardCharsets.UTF_8));
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of UTF-8 text as lowercase hex (used for score-table digests too). */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
