package vn.thidua.kit.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.axonframework.config.Configuration;
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
import vn.thidua.kit.axon.Actor;

/**
 * The outbox relay: the service's Axon event store is its outbox, and this handler, on a pooled
 * streaming processor with one segment and a persisted token, sends every published event
 * ({@link ThiduaEvent}) to its topic as a binary CloudEvent. Internal events are not published. The
 * event's {@code ce_actor} is its {@link Actor#METADATA_KEY} metadata (carried from the command that
 * applied it), or {@code system:<service>} when it has none.
 *
 * <p>Per batch (one transaction): each event is chained after the head of its topic partition and
 * sent; before commit the producer is flushed and every send must be acknowledged ({@code acks=all});
 * then the chain heads are saved with the token. A crash anywhere re-runs the batch from the last
 * token with the last saved heads, so a re-sent event repeats its id and hashes exactly.
 * The partition is chosen here, as Kafka's default partitioner would (murmur2 of the key), because
 * the chain is per partition.
 */
@ProcessingGroup(KafkaOutboxRelay.PROCESSOR)
public final class KafkaOutboxRelay {
    public static final String PROCESSOR = "kafka-relay";
    private static final Logger LOG = Logger.getLogger(KafkaOutboxRelay.class);
    private static final String BATCH = KafkaOutboxRelay.class.getName() + ".batch";

    private final Producer<String, byte[]> producer;
    private final ChainHeads heads;
    private final String source;
    private final String systemActor;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();

    /**
     * @param serviceName this service, e.g. {@code campaign-service}: its CloudEvents source is
     *                    {@code /thidua/<serviceName>}, and the actor of events with none is {@code system:<serviceName>}
     */
    public KafkaOutboxRelay(Producer<String, byte[]> producer, DataSource dataSource, String serviceName) {
        this.producer = producer;
        this.heads = new ChainHeads(dataSource);
        this.source = "/thidua/" + serviceName;
        this.systemActor = Actor.system(serviceName);
    }

    /** Registers the relay and its processor: one segment (one chain writer), batches of {@code batchSize}. */
    public static void register(EventProcessingConfigurer processing, java.util.function.Function<Configuration, KafkaOutboxRelay> relay,
                                int batchSize) {
        processing.registerPooledStreamingEventProcessor(PROCESSOR, Configuration::eventStore,
                        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(1).maxClaimedSegments(1))
                .registerEventHandler(relay::apply);
    }

    @EventHandler
    public void on(ThiduaEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("published events come from aggregates; " + message.getIdentifier() + " does not");
        }
        Batch batch = currentBatch();
        EventType type = EventType.of(event);
        String topic = type.topic().address();
        String key = event.partitionKey();
        int partition = partitionFor(topic, key);
        byte[] data = EventCodec.instance().encode(event);
        ChainHeads.Key chain = new ChainHeads.Key(topic, partition);
        ChainHeads.Head head = batch.head(chain);
        EventAttributes attributes = EventAttributes.unchained(domain.getIdentifier(), source, type.ceType(), domain.getTimestamp(), key,
                        actorOf(message), domain.getAggregateIdentifier(), domain.getSequenceNumber())
                .chainedAfter(head.hash(), data);
        batch.sent(chain, new ChainHeads.Head(attributes.hash(), head.count() + 1),
                producer.send(KafkaBinding.toRecord(topic, partition, attributes, data)));
    }

    /** The {@link Actor#METADATA_KEY} the command put on the event, or this service itself. */
    private String actorOf(EventMessage<?> message) {
        Object actor = message.getMetaData().get(Actor.METADATA_KEY);
        return actor instanceof String s && !s.isBlank() ? s : systemActor;
    }

    private int partitionFor(String topic, String key) {
        int partitions = partitionCounts.computeIfAbsent(topic, t -> producer.partitionsFor(t).size());
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Batch currentBatch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, k -> {
            Batch batch = new Batch(heads.load());
            root.onPrepareCommit(u -> batch.complete());
            return batch;
        });
    }

    /** The sends and chain heads of one transaction. */
    private final class Batch {
        private final Map<ChainHeads.Key, ChainHeads.Head> loaded;
        private final Map<ChainHeads.Key, ChainHeads.Head> changed = new HashMap<>();
        private final List<Future<RecordMetadata>> sends = new ArrayList<>();

        Batch(Map<ChainHeads.Key, ChainHeads.Head> loaded) {
            this.loaded = loaded;
        }

        ChainHeads.Head head(ChainHeads.Key key) {
            ChainHeads.Head head = changed.get(key);
            if (head == null) {
                head = loaded.getOrDefault(key, ChainHeads.genesis());
            }
            return head;
        }

        void sent(ChainHeads.Key key, ChainHeads.Head newHead, Future<RecordMetadata> send) {
            changed.put(key, newHead);
            sends.add(send);
        }

        /** Every send acknowledged, then the heads saved: or the transaction fails and the batch is re-run. */
        void complete() {
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    LOG.warnf("Kafka did not take a relayed event (%s); the batch of %d will be sent again", e.getCause(), sends.size());
                    throw new IllegalStateException("relay send failed: " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while relaying", e);
                }
            }
            heads.save(changed);
            LOG.debugf("relayed %d events", sends.size());
        }
    }
}
