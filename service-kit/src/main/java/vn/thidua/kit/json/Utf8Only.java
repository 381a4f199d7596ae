package vn.thidua.kit.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lets only well-formed UTF-8 reach the JSON parser. Jackson's own decoding takes overlong forms
 * ({@code C0 AF} reads as {@code /}) and encoded surrogates; the JDK's strict decoder refuses both.
 * The body is already bounded by the HTTP body limit.
 */
final class Utf8Only extends InputDecorator {

    @Override
    public InputStream decorate(IOContext ctxt, InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        check(bytes, 0, bytes.length);
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) throws IOException {
        check(src, offset, length);
        return null;
    }

    @Override
    public Reader decorate(IOContext ctxt, Reader r) {
        return null;
    }

    static void check(byte[] bytes, int offset, int length) throws JsonParseException {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (CharacterCodingException e) {
            throw new MalformedUtf8Exception();
        }
    }

    /** The body's bytes are not UTF-8. */
    static final class MalformedUtf8Exception extends JsonParseException {
        MalformedUtf8Exception() {
            super(null, "the body is not well-formed UTF-8 (overlong, surrogate or truncated byte sequence)");
        }
    }
}
