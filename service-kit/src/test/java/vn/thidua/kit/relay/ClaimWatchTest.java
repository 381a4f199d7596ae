package vn.thidua.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A relay batch's token is written when the batch runs its writes (after Kafka's acknowledgements,
 * DECISIONS 60), not when the processor stores it: until then the token store is not called.
 */
class ClaimWatchTest {
    private static final String RELAY = "kafka-relay";
    /** The tokens the underlying store was asked to write, in order. */
    private final List<TrackingToken> written = new ArrayList<>();
    private final ClaimWatch watch = new ClaimWatch((TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(),
            new Class<?>[] {TokenStore.class}, (proxy, method, args) -> {
                if (!method.getName().equals("storeToken")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                written.add((TrackingToken) args[0]);
                return null;
            }));

    @Test
    void inside_a_batch_the_token_is_written_when_the_batch_runs_its_writes() {
        ClaimWatch.TokenWrites writes = new ClaimWatch.TokenWrites();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            batch.resources().put(ClaimWatch.TOKEN_WRITES, writes);
            watch.storeToken(new GlobalSequenceTrackingToken(5), RELAY, 0);
            assertThat(written).as("not written while the batch waits for Kafka").isEmpty();
            writes.run();
            assertThat(written).containsExactly(new GlobalSequenceTrackingToken(5));
            watch.storeToken(new GlobalSequenceTrackingToken(6), RELAY, 0);
            assertThat(written).as("handed over after the writes ran: written at once")
                    .containsExactly(new GlobalSequenceTrackingToken(5), new GlobalSequenceTrackingToken(6));
        } finally {
            batch.rollback();
        }
    }

    @Test
    void without_a_batch_the_token_is_written_at_once() {
        watch.storeToken(new GlobalSequenceTrackingToken(7), RELAY, 0);
        assertThat(written).containsExactly(new GlobalSequenceTrackingToken(7));
        UnitOfWork<?> other = DefaultUnitOfWork.startAndGet(null);
        try {
            watch.storeToken(new GlobalSequenceTrackingToken(8), RELAY, 0);
            assertThat(written).as("a unit of work with no relay batch").containsExactly(new GlobalSequenceTrackingToken(7),
                    new GlobalSequenceTrackingToken(8));
        } finally {
            other.rollback();
        }
    }
}
