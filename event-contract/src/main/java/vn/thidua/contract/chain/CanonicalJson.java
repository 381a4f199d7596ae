package vn.thidua.contract.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) output written straight from a Jackson tree: members
 * sorted by their names' UTF-16 code units, no white space, strings escaped as ECMAScript's
 * {@code JSON.stringify} does, numbers as ECMAScript prints them (integers within ±2^53 as digits,
 * any other number by the reference library's {@link NumberToJSON}). The same bytes as
 * {@code org.erdtman.jcs.JsonCanonicalizer} (a test holds them equal), without printing the tree and
 * parsing it again character by character, which was a third of the audit's time.
 */
public final class CanonicalJson {
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(512);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.canConvertToLong() && node.isIntegralNumber() && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER) {
            out.append(node.longValue());
            return;
        }
        try {
            out.append(NumberToJSON.serializeNumber(node.doubleValue()));
        } catch (IOException e) {
            throw new IllegalArgumentException("a number JSON cannot hold: " + node, e);
        }
    }

    /**
     * Appends {@code s} as an RFC 8785 JSON string (for canonical JSON written without a tree): the runs
     * of characters that need no escape are copied whole, each as one append (a character at a time was
     * a sixth of the audit's decoding threads' samples, DECISIONS 62).
     */
    public static void string(String s, StringBuilder out) {
        out.append('"');
        int run = 0; // where the run of characters copied as they are starts
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, run, s.length());
        out.append('"');
    }
}
