package vn.thidua.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.testsupport.PostgresServer;
import vn.thidua.testsupport.RealServers;

/**
 * A stream of {@link WakingEventSource} calls its processor back when an event is stored in the real
 * PostgreSQL event store, and only then (the watcher's fallback wait is set to an hour here); the
 * event is then in the processor's own stream; closing the stream stops its watcher.
 */
class WakingEventSourceTest {
    private static Configuration axon;

    @BeforeAll
    static void start() throws Exception {
        PostgresServer server = RealServers.postgres();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.createDatabase("kit_waking_source"));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            try (InputStream in = WakingEventSourceTest.class.getResourceAsStream("/db/kit/V1__axon_store_relay_idempotency.sql")) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        axon = AxonStore.configurer(dataSource, NoTransactionManager.INSTANCE).buildConfiguration();
        axon.start();
    }

    @AfterAll
    static void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void the_processor_is_called_when_an_event_is_stored_and_finds_it_in_its_stream() throws InterruptedException {
        store("m-before", 0);
        WakingEventSource source = new WakingEventSource(axon.eventStore(), "waking-test", Duration.ofHours(1), Duration.ofMillis(100));
        Semaphore calls = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(calls::release)).as("the stream takes a callback").isTrue();
            assertThat(calls.tryAcquire(500, TimeUnit.MILLISECONDS)).as("no event stored since the head: no call").isFalse();

            store("m-1", 0);
            assertThat(calls.tryAcquire(30, TimeUnit.SECONDS)).as("called once the event is stored").isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(((MemberJoinedUnit) stream.nextAvailable().getPayload()).memberId()).isEqualTo("m-1");

            store("m-2", 0);
            assertThat(calls.tryAcquire(30, TimeUnit.SECONDS)).as("called again for the next event").isTrue();
            assertThat(((MemberJoinedUnit) stream.nextAvailable().getPayload()).memberId()).isEqualTo("m-2");
            assertThat(watchers()).as("one watcher while the stream is open").isEqualTo(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watchers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(watchers()).as("the watcher stops with its stream").isZero();
    }

    private static void store(String memberId, long sequence) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("UnitRoster", memberId, sequence,
                new MemberJoinedUnit(memberId, "Nguyễn Thị Ánh", null, "VP", LocalDate.of(2026, 1, 5))));
    }

    private static long watchers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("waking-test-event-watch") && t.isAlive()).count();
    }
}
