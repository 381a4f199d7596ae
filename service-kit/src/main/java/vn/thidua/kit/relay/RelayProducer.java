package vn.thidua.kit.relay;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * The relay's transactional Kafka producer, one per claim of the relay's segment. Every instance of a
 * service uses the same {@code transactional.id}; the producer made for a new claim calls
 * {@code initTransactions}, which fences every earlier producer with that id: a relay instance that lost
 * its claim while its batch was still being sent (a pause longer than the claim's timeout, a broker that
 * came back late) can no longer commit, and what it sent is aborted, never seen by a reader that reads
 * committed records ({@code isolation.level=read_committed}: thidua's services, the audit, and every
 * reader of the contract). A producer is also replaced after a batch that did not commit.
 */
final class RelayProducer {
    private static final Logger LOG = Logger.getLogger(RelayProducer.class);

    private final Supplier<Producer<String, byte[]>> factory;
    private Producer<String, byte[]> producer;
    private long generation;

    /** @param factory makes a producer with the service's {@code transactional.id} */
    RelayProducer(Supplier<Producer<String, byte[]>> factory) {
        this.factory = factory;
    }

    /**
     * Begins the Kafka transaction of a batch run under claim {@code generation}: when the claim is not
     * the one this producer was made for, or the last batch did not commit, a new producer fences the old
     * ones first (and the transaction they left open is aborted before this returns).
     */
    synchronized Producer<String, byte[]> begin(long generation) {
        if (producer == null || generation != this.generation) {
            discard();
            Producer<String, byte[]> made = factory.get();
            try {
                made.initTransactions();
            } catch (RuntimeException e) {
                made.close(Duration.ZERO);
                throw e;
            }
            producer = made;
            this.generation = generation;
            LOG.debugf("relay producer initialised for claim %d: earlier producers of the relay are fenced", generation);
        }
        producer.beginTransaction();
        return producer;
    }

    /** Commits the batch's transaction: its records become visible to readers of committed records at once. */
    synchronized void commit() {
        producer.commitTransaction();
    }

    /** Drops the producer after a batch that did not commit (its open transaction is aborted by the next one's initialisation). */
    synchronized void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("closing the relay's producer: %s", e.toString());
            }
            producer = null;
        }
    }
}
