package vn.thidua.contract.chain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 of a long text written into {@link #buffer()} piece by piece, hashed as UTF-8 whenever the
 * buffer fills ({@link #drainIfFull()}): the same hex as {@link HashChain#sha256Hex(String)} of the
 * whole text (an unpaired surrogate becomes {@code ?} in both), without the text, a tree or its bytes
 * held at once (a province's score table is a few megabytes of JSON, hashed every few seconds).
 */
public final class Sha256Text {
    private static final int CHUNK = 16 * 1024;

    private final MessageDigest digest = HashChain.sha256();
    private final StringBuilder pending = new StringBuilder(CHUNK + 1024);
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(4 * CHUNK);
    /** The buffer's characters copied out: a CharBuffer over an array is encoded in bulk, one over a StringBuilder a char at a time. */
    private char[] chars = new char[CHUNK + 1024];
    private boolean ended;

    /** Where the text is written; call {@link #drainIfFull()} now and then. */
    public StringBuilder buffer() {
        requireOpen();
        return pending;
    }

    /** Hashes what the buffer holds once it holds a chunk. */
    public void drainIfFull() {
        requireOpen();
        if (pending.length() >= CHUNK) {
            drain(false);
        }
    }

    /** The lowercase hex SHA-256 of all the text written; the text ends here (a Sha256Text gives one hash). */
    public String hex() {
        requireOpen();
        drain(true);
        ended = true;
        return HexFormat.of().formatHex(digest.digest());
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("this text's hash was already given: a Sha256Text hashes one text");
        }
    }

    /** Encodes the buffer into the digest; a high surrogate at its end waits for its pair unless the text ends. */
    private void drain(boolean end) {
        int length = pending.length();
        if (chars.length < length) {
            chars = new char[length];
        }
        pending.getChars(0, length, chars, 0);
        CharBuffer in = CharBuffer.wrap(chars, 0, length);
        CoderResult result;
        do {
            result = encoder.encode(in, bytes, end);
            update();
        } while (result.isOverflow());
        if (end) {
            do {
                result = encoder.flush(bytes);
                update();
            } while (result.isOverflow());
        }
        // never an error: malformed input (an unpaired surrogate) is replaced, as String.getBytes does
        pending.delete(0, in.position());
    }

    private void update() {
        bytes.flip();
        digest.update(bytes);
        bytes.clear();
    }
}
