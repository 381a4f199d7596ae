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
 * <p>Each stream opened here takes the callback, and once the processor has read everything it
 * starts a watcher: a thread with a second stream of the same store, opened at the token of the last
 * event the processor took (so both read the same place of the store's cache, which its readers share
 * when their tokens are equal, gaps included), that waits for the events the store's reader fetches
 * and calls the processor back, at most once per {@value #INTERVAL_MILLIS} ms, so that what is stored
 * meanwhile is one batch. It also calls it after every {@value #WAIT_MILLIS} ms without events, as
 * Axon would. The watcher skips the events without deserializing them; when its stream fails (the
 * database lost) it keeps calling the processor every {@value #WAIT_MILLIS} ms and reads again from
 * the processor's position; it stops when the stream closes (the processor closes it when it stops,
 * loses its claim or reopens it).
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
        return new WakingStream(store.openStream(token), token);
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
        /** The token of the last event the processor took (its stream's start before the first): where a watcher reads from. */
        private volatile TrackingToken position;
        private Runnable callback;
        private Thread watcher;
        private volatile boolean closed;

        WakingStream(BlockingStream<TrackedEventMessage<?>> events, TrackingToken from) {
            this.events = events;
            this.position = from;
        }

        /** Takes the callback; the watcher starts when the processor first finds nothing to read. */
        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            boolean available = events.hasNextAvailable(timeout, unit);
            if (!available) {
                watchFromHere();
            }
            return available;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            position = next.trackingToken();
            return next;
        }

        /**
         * Starts the watcher at the processor's own position, once it has read everything: the watcher
         * then reads what the processor would read next, from the same place in the store's cache
         * (the cache is shared by readers whose tokens are equal, gaps included).
         */
        private synchronized void watchFromHere() {
            if (watcher != null || callback == null || closed) {
                return;
            }
            Runnable call = callback;
            watcher = new Thread(() -> watch(call), name + "-event-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** Until the stream closes: calls the processor when events arrive, and after every wait without; reopens its own stream after a failure. */
        private void watch(Runnable callback) {
            long lastCall = System.nanoTime();
            boolean failing = false;
            while (!closed) {
                try (BlockingStream<TrackedEventMessage<?>> next = store.openStream(position)) {
                    while (!closed) {
                        if (next.hasNextAvailable((int) Math.min(Integer.MAX_VALUE, waitMillis), TimeUnit.MILLISECONDS)) {
                            // the events of the next moment go in the same batch: no more than one call per interval
                            long early = lastCall + TimeUnit.MILLISECONDS.toNanos(intervalMillis) - System.nanoTime();
                            if (early > 0) {
                                TimeUnit.NANOSECONDS.sleep(early);
                            }
                            do {
                                next.nextAvailable();
                            } while (next.hasNextAvailable());
                        }
                        callback.run();
                        lastCall = System.nanoTime();
                        if (failing) {
                            LOG.infof("%s: the watcher of new events reads again", name);
                            failing = false;
                        }
                    }
                } catch (InterruptedException e) {
                    return; // closed
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    if (!failing) {
                        // the processor is still called every wait; its own stream reports the store's failures
                        LOG.warnf("%s: the watcher of new events failed (%s); it calls the processor every %d ms and reads again from the processor's position",
                                name, e.getMessage(), waitMillis);
                        failing = true;
                    }
                    callback.run();
                    try {
                        TimeUnit.MILLISECONDS.sleep(waitMillis);
                    } catch (InterruptedException interrupted) {
                        return; // closed
                    }
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Thread w;
            synchronized (this) {
                closed = true;
                w = watcher;
            }
            if (w != null) {
                w.interrupt();
            }
            events.close();
        }
    }
}
