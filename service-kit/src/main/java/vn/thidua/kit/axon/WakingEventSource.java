package vn.thidua.kit.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.jboss.logging.Logger;

/**
 * The event store as a pooled streaming processor's source, with streams that call the processor back
 * as soon as new events are stored.
 *
 * <p>Axon's embedded event store gives streams without that callback, and a pooled processor that has
 * read everything then looks again only 500 ms later (Axon 4.13's {@code Coordinator}): the outbox relay
 * sent its events in bursts, each event 0 to 500 ms after it was stored (measured 2026-11-27 at 217
 * records/s: p50 276 ms from an event's time to its send, every send 0.5 s after the previous one).
 * With the callback the processor looks again when it is called.
 *
 * <p>Each stream opened here has a watcher: a thread with a second stream of the same store, opened at
 * its head, that waits for the next events the store's reader fetches (the same cache the processor's
 * stream reads from, so the processor finds them when called) and then calls the processor back, at
 * most once per {@value #INTERVAL_MILLIS} ms, so that what is stored meanwhile is one batch. It also
 * calls it after every {@value #WAIT_MILLIS} ms without events, as Axon would, so that an event the
 * watcher cannot see (stored before its head, in a transaction that committed after it) waits no
 * longer than before. The watcher skips over the events without reading their payloads; it stops when
 * the stream closes.
 */
public final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private static final Logger LOG = Logger.getLogger(WakingEventSource.class);
    /** How long a watcher waits for new events before it calls the processor anyway (Axon's own delay). */
    private static final long WAIT_MILLIS = 500;
    /**
     * The least time between two calls: the events stored meanwhile make one batch of the processor.
     * Called for every event, the relay committed a Kafka transaction every few events (short run,
     * 2026-11-27: 5,420 batches for about 70,000 single records, the broker's CPU per record 0.37 → 0.56 ms).
     */
    private static final long INTERVAL_MILLIS = 100;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final String name;
    private final long waitMillis;
    private final long intervalMillis;

    /**
     * @param store the event store
     * @param name  the processor's name, for the watcher threads' names and the log
     */
    public WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, String name) {
        this(store, name, Duration.ofMillis(WAIT_MILLIS), Duration.ofMillis(INTERVAL_MILLIS));
    }

    /** With another wait for new events before the processor is called anyway, and another least time between two calls (tests). */
    WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, String name, Duration wait, Duration interval) {
        this.store = store;
        this.name = name;
        this.waitMillis = wait.toMillis();
        this.intervalMillis = interval.toMillis();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new WakingStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile Thread watcher;
        private volatile boolean closed;

        WakingStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (closed || watcher != null) {
                return watcher != null;
            }
            // opened here, on the caller's thread: events stored from now on wake the processor, and those
            // before are already in the processor's own stream
            BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken());
            watcher = new Thread(() -> watch(head, callback), name + "-event-watch");
            watcher.setDaemon(true);
            watcher.start();
            return true;
        }

        private void watch(BlockingStream<TrackedEventMessage<?>> head, Runnable callback) {
            long lastCall = System.nanoTime();
            try (head) {
                while (!closed) {
                    if (head.hasNextAvailable((int) Math.min(Integer.MAX_VALUE, waitMillis), TimeUnit.MILLISECONDS)) {
                        // the events of the next moment go in the same batch: no more than one call per interval
                        long early = lastCall + TimeUnit.MILLISECONDS.toNanos(intervalMillis) - System.nanoTime();
                        if (early > 0) {
                            TimeUnit.NANOSECONDS.sleep(early);
                        }
                        do {
                            head.nextAvailable();
                        } while (head.hasNextAvailable());
                    }
                    callback.run();
                    lastCall = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) {
                    // the processor still looks again after its claim interval (5 s); its own stream reports the store's failures
                    LOG.warnf(e, "%s: the watcher of new events stopped; the processor looks for events every few seconds until its stream reopens", name);
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            Thread w = watcher;
            if (w != null) {
                w.interrupt();
            }
            events.close();
        }
    }
}
