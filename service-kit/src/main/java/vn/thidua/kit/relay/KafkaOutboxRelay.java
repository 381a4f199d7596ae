package vn.thidua.kit.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jboss.logging.Logger;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.axon.Actor;
import vn.thidua.kit.axon.WakingEventSource;

/**
 * The outbox relay: the service's Axon event store is its outbox, and this handler, on a pooled
 * streaming processor with one segment and a persisted token, sends every published event
 * ({@link ThiduaEvent}) to its topic as a binary CloudEvent. Internal events are not published. The
 * event's {@code ce_actor} is its {@link Actor#METADATA_KEY} metadata (carried from the command that
 * applied it), or {@code system:<service>} when it has none.
 *
 * <p>Per batch (one database transaction and one Kafka transaction): each event is chained after the
 * head of its topic partition and sent; before commit the producer is flushed and every send must be
 * acknowledged ({@code acks=all}); the chain heads (hash, count, offset of the head record) are saved
 * with the token, the Kafka transaction commits, then the database's. The Kafka transaction is the
 * relay's fence ({@link RelayProducer}): only the instance holding the segment's latest claim can add
 * to the chains, and the sends of a batch that did not commit on Kafka are aborted, never read.
 *
 * <p>The log is the truth. A batch whose Kafka transaction committed but whose database transaction did
 * not (database lost, relay killed between the two) is re-run from the last token, and the events may
 * come back in another order (the token is gap-aware: transactions that committed late fill gaps in
 * between). So the first batch after
 * each claim of the segment (at start, after a failure, after another instance held it: {@link ClaimWatch})
 * and after any batch that did not commit accounts for what is on Kafka after the saved heads
 * ({@link PublishedTail}; one {@code endOffsets} call, 6-46 ms): the relay's own records
 * there are published, and the last of them is the real head new events chain after. An event already
 * published is not sent again. The published ones the batch does not meet are kept in
 * {@code relay_published_pending} (same transaction), so that a later batch, on any instance, skips
 * them too. The partition is chosen here, as Kafka's default partitioner would (murmur2 of the key),
 * because the chain is per partition.
 */
@ProcessingGroup(KafkaOutboxRelay.PROCESSOR)
public final class KafkaOutboxRelay {
    public static final String PROCESSOR = "kafka-relay";
    private static final Logger LOG = Logger.getLogger(KafkaOutboxRelay.class);
    private static final String BATCH = KafkaOutboxRelay.class.getName() + ".batch";
    /** The start of a batch: heads and published events loaded, Kafka's end offsets compared; tail=read when a tail was read too. */
    private static final Timer TAIL_CHECK = tailCheck("none");
    private static final Timer TAIL_READ = tailCheck("read");
    /** The start of a batch that did not ask Kafka: the previous batch committed under the same claim. */
    private static final Timer TAIL_SKIPPED = tailCheck("skipped");

    private final RelayProducer transactions;
    private final PublishedTail published;
    private final ChainHeads heads;
    private final String source;
    private final String systemActor;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    /** The processor's claims, when registered by {@link #register}; without it every batch checks Kafka's tail. */
    private ClaimWatch claims;
    /** The claim generation the last committed batch ran in (its tail accounted for), or -1 when the next batch must check. */
    private volatile long checkedGeneration = -1;

    /**
     * @param serviceName this service, e.g. {@code campaign-service}: its CloudEvents source is
     *                    {@code /thidua/<serviceName>}, and the actor of events with none is {@code system:<serviceName>}
     * @param producers   makes a producer with the service's {@code transactional.id} (the same on every instance), one per
     *                    claim of the relay's segment ({@link RelayProducer})
     * @param reader      a consumer without a group, reading committed records only, signed in as the producer is, to read
     *                    the tail of the service's topics
     */
    public KafkaOutboxRelay(Supplier<Producer<String, byte[]>> producers, Consumer<String, byte[]> reader, DataSource dataSource,
                            String serviceName) {
        this.transactions = new RelayProducer(producers);
        this.heads = new ChainHeads(dataSource);
        this.source = "/thidua/" + serviceName;
        this.published = new PublishedTail(reader, source,
                Arrays.stream(Topic.values()).filter(t -> t.writer().equals(serviceName)).map(Topic::address).toList());
        this.systemActor = Actor.system(serviceName);
    }

    /**
     * Registers the relay and its processor: one segment (one chain writer), batches of {@code batchSize},
     * the token store watched for the segment's claims ({@link ClaimWatch}), called as soon as events are
     * stored ({@link WakingEventSource}).
     */
    public void register(EventProcessingConfigurer processing, int batchSize) {
        processing.registerPooledStreamingEventProcessor(PROCESSOR, config -> new WakingEventSource(config.eventStore(), PROCESSOR),
                        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(1).maxClaimedSegments(1)
                                .tokenStore(watch(config.eventProcessingConfiguration().tokenStore(PROCESSOR))))
                .registerEventHandler(config -> this);
    }

    /** Closes the relay's producer (after its processor has stopped). */
    public void close() {
        transactions.discard();
    }

    private ClaimWatch watch(org.axonframework.eventhandling.tokenstore.TokenStore store) {
        claims = new ClaimWatch(store);
        return claims;
    }

    private static Timer tailCheck(String tail) {
        return Timer.builder("thidua.relay.tail.check")
                .description("the outbox relay's start of a batch: saved heads loaded, Kafka's end offsets (and any tail) read")
                .tag("tail", tail).register(Metrics.globalRegistry);
    }

    @EventHandler
    public void on(ThiduaEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("published events come from aggregates; " + message.getIdentifier() + " does not");
        }
        Batch batch = currentBatch();
        if (batch.alreadyPublished(domain.getIdentifier())) {
            return;
        }
        EventType type = EventType.of(event);
        String topic = type.topic().address();
        String key = event.partitionKey();
        int partition = partitionFor(batch.producer, topic, key);
        byte[] data = EventCodec.instance().encode(event);
        ChainHeads.Key chain = new ChainHeads.Key(topic, partition);
        ChainHeads.Head head = batch.head(chain);
        EventAttributes attributes = EventAttributes.unchained(domain.getIdentifier(), source, type.ceType(), domain.getTimestamp(), key,
                        actorOf(message), domain.getAggregateIdentifier(), domain.getSequenceNumber())
                .chainedAfter(head.hash(), data);
        batch.sent(chain, attributes.hash(), batch.producer.send(KafkaBinding.toRecord(topic, partition, attributes, data)));
    }

    /** The {@link Actor#METADATA_KEY} the command put on the event, or this service itself. */
    private String actorOf(EventMessage<?> message) {
        Object actor = message.getMetaData().get(Actor.METADATA_KEY);
        return actor instanceof String s && !s.isBlank() ? s : systemActor;
    }

    private int partitionFor(Producer<String, byte[]> producer, String topic, String key) {
        int partitions = partitionCounts.computeIfAbsent(topic, t -> producer.partitionsFor(t).size());
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Batch currentBatch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch current = root.getOrComputeResource(BATCH, k -> {
            root.onRollback(u -> {
                checkedGeneration = -1;
                transactions.discard();
            });
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.complete());
            root.afterCommit(u -> checkedGeneration = batch.generation);
            return batch;
        });
        root.resources().putIfAbsent(ClaimWatch.TOKEN_WRITES, current.tokenWrites); // the batch writes the token (ClaimWatch)
        return current;
    }

    /**
     * The sends and chain heads of one transaction, from what is on Kafka when it starts: asked of Kafka
     * unless the previous batch committed under the same claim of the segment (then this relay was the
     * only writer since, and its saved heads are the log's end). Its Kafka transaction begins first, so
     * that a relay which held the segment before is fenced, and what it left open aborted, before the tail is read.
     */
    private final class Batch {
        private final long generation = claims == null ? -2 : claims.generation();
        private final Producer<String, byte[]> producer = transactions.begin(generation);
        private final Map<ChainHeads.Key, ChainHeads.Head> loaded;
        private final Map<ChainHeads.Key, ChainHeads.Head> changed = new HashMap<>();
        private final Map<String, ChainHeads.Key> pending;
        private final Map<String, ChainHeads.Key> found = new HashMap<>();
        private final List<String> met = new ArrayList<>();
        private final List<Send> sends = new ArrayList<>();
        private final ClaimWatch.TokenWrites tokenWrites = new ClaimWatch.TokenWrites();

        Batch() {
            long start = System.nanoTime();
            loaded = heads.load();
            pending = heads.loadPending();
            boolean check = generation < 0 || generation != checkedGeneration;
            Map<ChainHeads.Key, PublishedTail.Tail> tails = check ? published.after(loaded) : Map.of();
            tails.forEach((key, tail) -> {
                changed.put(key, tail.head());
                tail.ids().forEach(id -> found.put(id, key));
            });
            pending.putAll(found);
            (!check ? TAIL_SKIPPED : tails.isEmpty() ? TAIL_CHECK : TAIL_READ).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }

        /** Whether the event is on Kafka already (sent by a batch that did not commit): then it is met, not sent. */
        boolean alreadyPublished(String eventId) {
            if (pending.remove(eventId) == null) {
                return false;
            }
            met.add(eventId);
            found.remove(eventId);
            return true;
        }

        ChainHeads.Head head(ChainHeads.Key key) {
            ChainHeads.Head head = changed.get(key);
            if (head == null) {
                head = loaded.getOrDefault(key, ChainHeads.genesis());
            }
            return head;
        }

        void sent(ChainHeads.Key key, String hash, Future<RecordMetadata> send) {
            ChainHeads.Head head = head(key);
            changed.put(key, new ChainHeads.Head(hash, head.count() + 1, head.offset()));
            sends.add(new Send(key, send));
        }

        /**
         * Every send acknowledged, the Kafka transaction committed, then the heads (with the offsets Kafka gave),
         * the published events and the processor's token ({@link ClaimWatch}) written for the database's commit:
         * or a failure before Kafka's commit aborts it and the batch is re-run; one after it leaves the records
         * on Kafka after the saved heads, found by the next batch's tail check.
         */
        void complete() {
            producer.flush();
            Map<ChainHeads.Key, Long> lastOffsets = new HashMap<>();
            for (Send send : sends) {
                try {
                    lastOffsets.merge(send.key(), send.result().get().offset(), Math::max);
                } catch (ExecutionException e) {
                    LOG.warnf("Kafka did not take a relayed event (%s); the batch of %d will be sent again", e.getCause(), sends.size());
                    throw new IllegalStateException("relay send failed: " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while relaying", e);
                }
            }
            lastOffsets.forEach((key, offset) -> changed.computeIfPresent(key, (k, h) -> new ChainHeads.Head(h.hash(), h.count(), offset)));
            transactions.commit();
            // written after Kafka's commit: no row is locked while the relay waits for Kafka (DECISIONS 60); if the
            // database then fails to commit, the next batch finds these records on Kafka after the saved heads
            heads.save(changed);
            heads.savePending(found, met);
            tokenWrites.run();
            LOG.debugf("relayed %d events", sends.size());
        }
    }

    private record Send(ChainHeads.Key key, Future<RecordMetadata> result) {
    }
}
