package vn.thidua.kit.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Identifiers that sort by when they were made: UUIDs of version 7 (RFC 9562), 48 bits of Unix
 * milliseconds then 74 random bits. The records' ids and every event's identifier are keys of B-tree
 * indexes (the view's primary key, the event store's aggregate and event identifiers); a random UUID
 * inserts each at a random page of a large index, a version 7 one near the index's right edge, so
 * inserts touch few pages and write few full-page images to the WAL. They are not secrets: the random
 * bits only make two ids of one millisecond differ (ThreadLocalRandom, no lock, no SecureRandom).
 * Axon takes its event identifiers from here too ({@code META-INF/services}).
 */
public final class TimeOrderedIds extends IdentifierFactory {

    /** A new version 7 UUID made now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new version 7 UUID for the Unix time {@code millis}. */
    static UUID at(long millis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long least = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /** Axon's event identifiers ({@link IdentifierFactory}, found through {@code ServiceLoader}). */
    @Override
    public String generateIdentifier() {
        return next().toString();
    }
}
