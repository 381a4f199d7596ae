package vn.thidua.kit.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The relay processor's token store, counting its claims: every claim of the segment (the processor
 * fetches its token to claim it: at start, after its work failed, after another instance held it)
 * and every release starts a new {@link #generation()}. While the generation a batch started in is
 * the one the previous batch committed in, no other relay can have sent since (another instance's
 * producer is fenced by this claim's, {@link RelayProducer}), so the relay need not ask Kafka what is
 * after its heads ({@link KafkaOutboxRelay}).
 * <p>
 * A batch's token is written when the batch says so ({@link TokenWrites}), not when the processor
 * stores it: the processor stores it first thing when its transaction prepares to commit, and the row
 * it updates then stays locked until the database commits, so a relay paused while it waited for
 * Kafka's acknowledgements (a long GC pause, a frozen host, the fault suite's SIGSTOP) kept the other
 * instance from claiming the segment until it went on.
 */
final class ClaimWatch implements TokenStore {
    /** The unit of work's resource under which a relay batch keeps the token writes it runs itself. */
    static final String TOKEN_WRITES = ClaimWatch.class.getName() + ".token-writes";

    private final TokenStore store;
    private final AtomicLong generation = new AtomicLong();

    /**
     * The token writes of one batch, run by the batch after Kafka's transaction has committed (a write
     * refused because the claim was lost then fails the database's transaction, and the new holder's tail
     * check finds what this batch sent); a write handed over after they ran is done at once.
     */
    static final class TokenWrites {
        private final List<Runnable> waiting = new ArrayList<>();
        private boolean ran;

        synchronized void add(Runnable write) {
            if (ran) {
                write.run();
            } else {
                waiting.add(write);
            }
        }

        synchronized void run() {
            ran = true;
            for (Runnable write : waiting) {
                write.run();
            }
            waiting.clear();
        }
    }

    ClaimWatch(TokenStore store) {
        this.store = store;
    }

    long generation() {
        return generation.get();
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        generation.incrementAndGet();
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        generation.incrementAndGet();
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        generation.incrementAndGet();
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        TokenWrites batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(TOKEN_WRITES) : null;
        if (batch != null) {
            batch.add(() -> store.storeToken(token, processorName, segment));
        } else {
            store.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        generation.incrementAndGet();
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }
}
