package vn.thidua.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A write endpoint of a service, its valid body and the kind of each field; {@link #cases()} derives
 * the corpus's bad requests from them (each category of issue 13), every one of which must be refused.
 */
public final class Endpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@RAW@@";

    /** What a field holds, and so which bad values apply to it. */
    public enum Kind { TEXT, DATE, ENUM, BOOLEAN, LIST, CODE }

    /** A body field: its dotted path ({@code launchDocument.issuedOn}, {@code recipientUnitCodes.0}), kind, whether required, max length. */
    public record Field(String path, Kind kind, boolean required, int maxLength) {
    }

    private final String method;
    private final String target;
    private final String validBody;
    private final List<Field> fields = new ArrayList<>();

    public Endpoint(String method, String target, String validBody) {
        this.method = method;
        this.target = target;
        this.validBody = validBody;
    }

    public Endpoint text(String path, boolean required, int maxLength) {
        fields.add(new Field(path, Kind.TEXT, required, maxLength));
        return this;
    }

    public Endpoint date(String path, boolean required) {
        fields.add(new Field(path, Kind.DATE, required, 0));
        return this;
    }

    public Endpoint enumeration(String path) {
        fields.add(new Field(path, Kind.ENUM, true, 0));
        return this;
    }

    public Endpoint bool(String path) {
        fields.add(new Field(path, Kind.BOOLEAN, false, 0));
        return this;
    }

    public Endpoint list(String path) {
        fields.add(new Field(path, Kind.LIST, false, 0));
        return this;
    }

    public Endpoint code(String path, boolean required) {
        fields.add(new Field(path, Kind.CODE, required, 0));
        return this;
    }

    public String name() {
        return method + " " + target;
    }

    /** The valid request itself: the corpus sends it first to prove the bad cases differ from it in one thing only. */
    public BadInput valid(int status) {
        return BadInput.json("control", name() + " valid", method, target, validBody, status);
    }

    /** Every bad request derived from this endpoint. */
    public List<BadInput> cases() {
        List<BadInput> out = new ArrayList<>();
        String n = name();
        byte[] valid = validBody.getBytes(StandardCharsets.UTF_8);
        String trimmed = validBody.strip();
        String inner = trimmed.substring(1, trimmed.length() - 1);
        // trailing content and several documents
        out.add(bad("trailing content", "a stray } after the document", trimmed + "}", 400));
        out.add(bad("trailing content", "a second document", trimmed + trimmed, 400));
        out.add(bad("trailing content", "an empty object after it", trimmed + " {}", 400));
        out.add(bad("trailing content", "a word after it", trimmed + " x", 400));
        out.add(bad("trailing content", "a comma after it", trimmed + ",", 400));
        // malformed JSON
        out.add(bad("malformed JSON", "cut short", trimmed.substring(0, trimmed.length() / 2), 400));
        out.add(bad("malformed JSON", "single quotes", trimmed.replace('"', '\''), 400));
        out.add(bad("malformed JSON", "a comment", "/* c */" + trimmed, 400));
        out.add(bad("malformed JSON", "a trailing comma in the object", "{" + inner + ",}", 400));
        out.add(bad("malformed JSON", "NaN as a value", "{" + inner + ",\"x\":NaN}", 400));
        out.add(bad("malformed JSON", "a raw 0xFF byte", concat(bytes("{\"a\":\""), new byte[]{(byte) 0xFF}, bytes("\"}")), 400));
        out.add(bad("malformed JSON", "a raw NUL byte in a string", concat(bytes("{\"a\":\""), new byte[]{0}, bytes("\"}")), 400));
        // wrong top-level shapes
        out.add(bad("wrong type", "an empty body", "", 400));
        out.add(bad("wrong type", "null", "null", 400));
        out.add(bad("wrong type", "an array", "[" + trimmed + "]", 400));
        out.add(bad("wrong type", "a string", "\"x\"", 400));
        out.add(bad("wrong type", "a number", "1", 400));
        out.add(bad("wrong type", "true", "true", 400));
        // keys
        String firstField = JSON.valueToTree(readTree()).fieldNames().next();
        out.add(bad("duplicate key", "the first field twice", "{" + inner + ",\"" + firstField + "\":"
                + readTree().get(firstField).toString() + "}", 400));
        out.add(bad("duplicate key", "the first field twice, other value", "{" + inner + ",\"" + firstField + "\":null}", 400));
        out.add(bad("unknown field", "an unknown field", "{" + inner + ",\"budget\":1000}", 400));
        out.add(bad("unknown field", "an unknown nested object", "{" + inner + ",\"extra\":{\"a\":1}}", 400));
        out.add(bad("unknown field", "an unknown field with an injection", "{" + inner + ",\"'; DROP TABLE x;--\":1}", 400));
        // size and nesting
        out.add(bad("deep nesting", "200 nested arrays", "{" + inner + ",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}", 400));
        out.add(bad("deep nesting", "200 nested objects", "{\"a\":".repeat(200) + "1" + "}".repeat(200), 400));
        out.add(bad("huge body", "2 MB", "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}", 413));
        // media types, accept, method
        BadInput plain = BadInput.json("content type", n + " no Content-Type", method, target, valid, 415);
        out.add(plain.withHeaders(headers("Content-Type", null)));
        out.add(rename(plain.withHeaders(headers("Content-Type", "text/plain")), n + " text/plain"));
        out.add(rename(plain.withHeaders(headers("Content-Type", "application/xml")), n + " application/xml"));
        out.add(rename(plain.withHeaders(headers("Content-Type", "application/x-www-form-urlencoded")), n + " a form"));
        out.add(rename(plain.withHeaders(headers("Content-Type", "application/json; charset=ISO-8859-1")), n + " JSON in Latin-1"));
        out.add(rename(plain.withHeaders(headers("Content-Type", "*/*")), n + " */*"));
        out.add(new BadInput("accept", n + " Accept: application/xml", method, target,
                headers("Content-Type", "application/json", "Accept", "application/xml"), valid, 406));
        out.add(new BadInput("accept", n + " Accept: text/html", method, target,
                headers("Content-Type", "application/json", "Accept", "text/html"), valid, 406));
        out.add(new BadInput("wrong method", n.replace(method, "DELETE"), "DELETE", target, BadInput.jsonHeaders(), null, 405));
        out.add(new BadInput("wrong method", n.replace(method, "PATCH"), "PATCH", target, BadInput.jsonHeaders(), valid, 405));
        // field by field
        for (Field f : fields) {
            out.addAll(fieldCases(f));
        }
        return out;
    }

    private List<BadInput> fieldCases(Field f) {
        List<BadInput> out = new ArrayList<>();
        String p = f.path();
        if (f.required()) {
            out.add(with("missing field", p + " missing", f, null, 400));
            out.add(with("null field", p + " null", f, "null", 400));
        }
        switch (f.kind()) {
            case TEXT, CODE -> {
                out.add(with("wrong type", p + " as a number", f, "12", 400));
                out.add(with("coercion", p + " as a boolean", f, "true", 400));
                out.add(with("wrong type", p + " as an object", f, "{\"a\":\"b\"}", 400));
                out.add(with("wrong type", p + " as an array", f, "[\"a\"]", 400));
                out.add(with("NUL", p + " with \\u0000", f, "\"Nguy\\u0000n\"", 400));
                out.add(with("lone surrogate", p + " with \\ud800", f, "\"a\\ud800b\"", 400));
                out.add(with("lone surrogate", p + " with \\udc00 alone", f, "\"\\udc00\"", 400));
                out.add(with("control character", p + " with BEL", f, "\"a\\u0007b\"", 400));
                out.add(with("control character", p + " with ESC", f, "\"a\\u001bb\"", 400));
                out.add(with("invisible only", p + " only zero-width spaces", f, "\"\\u200b\\u200b\"", 400));
                out.add(with("invisible only", p + " only bidi marks", f, "\"\\u200e\\u200f\\u202e\"", 400));
                out.add(with("invisible only", p + " only a BOM and a word joiner", f, "\"\\ufeff\\u2060\"", 400));
                out.add(withBytes("overlong UTF-8", p + " with C0 AF", f, concat(bytes("\"a"), new byte[]{(byte) 0xC0, (byte) 0xAF}, bytes("b\"")), 400));
                out.add(withBytes("overlong UTF-8", p + " with an encoded surrogate", f,
                        concat(bytes("\"a"), new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("\"")), 400));
                if (f.kind() == Kind.TEXT) {
                    out.add(with("too long", p + " one character over " + f.maxLength(), f, "\"" + "ê".repeat(f.maxLength() + 1) + "\"", 400));
                    if (f.required()) {
                        out.add(with("blank", p + " blank", f, "\"   \"", 400));
                        out.add(with("blank", p + " empty", f, "\"\"", 400));
                    }
                } else {
                    out.add(with("injection", p + " with an SQL injection", f, "\"TTR'; DROP TABLE unit;--\"", 400));
                    out.add(with("path traversal", p + " with ../", f, "\"../../etc/passwd\"", 400));
                    out.add(with("bad code", p + " in lower case", f, "\"ttr\"", 400));
                    out.add(with("too long", p + " 33 characters", f, "\"" + "A".repeat(33) + "\"", 400));
                }
            }
            case DATE -> {
                for (String d : List.of("0000-01-01", "-0001-01-01", "+99999-01-01", "-999999999-01-01", "1944-12-31", "2101-01-01",
                        "2023-02-30", "2023-13-01", "2023-6-11", "11/06/2023", "2023-06-11T00:00:00", " 2023-06-11", "2023-06-11 ", "")) {
                    out.add(with("bad date", p + " = \"" + d + "\"", f, "\"" + d + "\"", 400));
                }
                out.add(with("coercion", p + " as an epoch day", f, "19519", 400));
                out.add(with("coercion", p + " as [y,m,d]", f, "[2023,6,11]", 400));
                out.add(with("wrong type", p + " as an object", f, "{\"year\":2023}", 400));
            }
            case ENUM -> {
                out.add(with("coercion", p + " by ordinal", f, "1", 400));
                out.add(with("coercion", p + " by ordinal as a string", f, "\"1\"", 400));
                out.add(with("coercion", p + " with a trailing space", f, "\"" + readAt(p).asText() + " \"", 400));
                out.add(with("coercion", p + " in lower case", f, "\"" + readAt(p).asText().toLowerCase() + "\"", 400));
                out.add(with("bad enum", p + " empty", f, "\"\"", 400));
                out.add(with("bad enum", p + " unknown", f, "\"YEARLY\"", 400));
            }
            case BOOLEAN -> {
                out.add(with("coercion", p + " as \"true\"", f, "\"true\"", 400));
                out.add(with("coercion", p + " as 1", f, "1", 400));
                out.add(with("coercion", p + " as \"yes\"", f, "\"yes\"", 400));
            }
            case LIST -> {
                out.add(with("wrong type", p + " as a string", f, "\"TTR\"", 400));
                out.add(with("wrong type", p + " as an object", f, "{\"0\":\"TTR\"}", 400));
                out.add(with("wrong type", p + " with a null item", f, "[null]", 400));
                out.add(with("wrong type", p + " of numbers", f, "[1,2]", 400));
            }
        }
        return out;
    }

    private BadInput bad(String category, String what, String body, int status) {
        return BadInput.json(category, name() + " " + what, method, target, body, status);
    }

    private BadInput bad(String category, String what, byte[] body, int status) {
        return BadInput.json(category, name() + " " + what, method, target, body, status);
    }

    private BadInput with(String category, String what, Field f, String rawJson, int status) {
        return withBytes(category, what, f, rawJson == null ? null : bytes(rawJson), status);
    }

    /** The valid body with {@code f} set to the raw JSON bytes (or removed when null). */
    private BadInput withBytes(String category, String what, Field f, byte[] raw, int status) {
        ObjectNode tree = readTree();
        String[] parts = f.path().split("\\.");
        JsonNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (raw == null) {
            if (parent instanceof ObjectNode o) {
                o.remove(last);
            }
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), RAW);
        } else {
            ((ObjectNode) parent).put(last, RAW);
        }
        byte[] body = bytes(tree.toString());
        if (raw != null) {
            body = replace(body, bytes("\"" + RAW + "\""), raw);
        }
        return bad(category, what, body, status);
    }

    private ObjectNode readTree() {
        try {
            return (ObjectNode) JSON.readTree(validBody);
        } catch (Exception e) {
            throw new IllegalArgumentException("the valid body of " + name() + " is not a JSON object", e);
        }
    }

    private JsonNode readAt(String path) {
        JsonNode node = readTree();
        for (String part : path.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node;
    }

    private static BadInput rename(BadInput input, String name) {
        return new BadInput(input.category(), name, input.method(), input.target(), input.headers(), input.body(), input.status());
    }

    static Map<String, String> headers(String... keyValues) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            h.put(keyValues[i], keyValues[i + 1]);
        }
        return h;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] replace(byte[] data, byte[] what, byte[] with) {
        String marker = new String(data, StandardCharsets.ISO_8859_1);
        int at = marker.indexOf(new String(what, StandardCharsets.ISO_8859_1));
        if (at < 0) {
            throw new IllegalStateException("placeholder not found");
        }
        return concat(java.util.Arrays.copyOfRange(data, 0, at), with, java.util.Arrays.copyOfRange(data, at + what.length, data.length));
    }
}
