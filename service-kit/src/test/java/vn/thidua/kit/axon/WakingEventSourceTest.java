package vn.thidua.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.thidua.contract.events.MemberJoinedUnit;

/**
 * {@link WakingEventSource} over the real PostgreSQL event store, with the watcher's fallback set to an
 * hour so that only stored events can make it call: a stream calls its processor back when an event
 * is stored, and not before; the event is then in the processor's own stream; the watcher stops with
 * its stream. And a pooled processor on it, which (caught up, with its own claim interval at a minute)
 * would otherwise look again only after that minute, handles an event stored after it caught up.
 */
@Timeout(120)
class WakingEventSourceTest {
    private static final String PROCESSOR = "waking-test-processor";
    private static final BlockingQueue<String> HANDLED = new LinkedBlockingQueue<>();
    private static Configuration axon;

    /** The pooled processor's handler: the members whose joining it handled, in order. */
    @ProcessingGroup(PROCESSOR)
    static class Joins {
        @EventHandler
        void on(MemberJoinedUnit event) {
            HANDLED.add(event.memberId());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Configurer configurer = AxonStore.configurer(KitDatabase.fresh("kit_waking_source"), NoTransactionManager.INSTANCE);
        configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(PROCESSOR,
                        c -> new WakingEventSource(c.eventStore(), PROCESSOR, Duration.ofHours(1), Duration.ofMillis(100)),
                        (c, builder) -> builder.initialSegmentCount(1).tokenClaimInterval(60_000).claimExtensionThreshold(60_000))
                .registerEventHandler(c -> new Joins());
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterAll
    static void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void a_stream_calls_back_when_an_event_is_stored_and_the_event_is_then_in_it() throws InterruptedException {
        store("m-before");
        WakingEventSource source = new WakingEventSource(axon.eventStore(), "waking-test", Duration.ofHours(1), Duration.ofMillis(100));
        Semaphore calls = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(calls::release)).as("the stream takes a callback").isTrue();
            assertThat(stream.hasNextAvailable()).as("nothing after the head").isFalse();
            assertThat(calls.tryAcquire(500, TimeUnit.MILLISECONDS)).as("nothing stored since: no call").isFalse();

            store("m-1");
            assertThat(calls.tryAcquire(30, TimeUnit.SECONDS)).as("called once the event is stored").isTrue();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(((MemberJoinedUnit) stream.nextAvailable().getPayload()).memberId()).isEqualTo("m-1");
            assertThat(stream.hasNextAvailable()).isFalse();

            calls.drainPermits();
            store("m-2");
            assertThat(calls.tryAcquire(30, TimeUnit.SECONDS)).as("called again for the next event").isTrue();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(((MemberJoinedUnit) stream.nextAvailable().getPayload()).memberId()).isEqualTo("m-2");
            assertThat(watchers("waking-test")).as("one watcher while the stream is open").isEqualTo(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watchers("waking-test") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(watchers("waking-test")).as("the watcher stops with its stream").isZero();
    }

    @Test
    void a_pooled_processor_caught_up_handles_a_new_event_without_waiting_for_its_claim_interval() throws InterruptedException {
        store("m-first");
        assertThat(await("m-first", 30)).as("the processor handles what was stored before it caught up").isTrue();
        Thread.sleep(1_000); // caught up: without a call it would look again only after its claim interval (60 s)
        store("m-later");
        assertThat(await("m-later", 15)).as("handled well before the processor's claim interval").isTrue();
    }

    /** Whether the processor handles {@code memberId} within {@code seconds}. */
    private static boolean await(String memberId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = seconds * 1_000L; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            String handled = HANDLED.poll(left, TimeUnit.MILLISECONDS);
            if (memberId.equals(handled)) {
                return true;
            }
        }
        return false;
    }

    private static void store(String memberId) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("UnitRoster", memberId, 0,
                new MemberJoinedUnit(memberId, "Nguyễn Thị Ánh", null, "VP", LocalDate.of(2026, 1, 5))));
    }

    private static long watchers(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name + "-event-watch") && t.isAlive()).count();
    }
}
