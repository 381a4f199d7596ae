package vn.thidua.kit.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4 on a service's PostgreSQL, inside Quarkus: JDBC event store and token store on
 * the Quarkus datasource, JTA transactions, Jackson everywhere (never XStream). The tables come
 * from the Flyway migration {@code db/kit/V1__axon_store_relay_idempotency.sql}.
 */
public final class AxonStore {

    /** snake_case names of Axon's event tables, matching the Flyway migration. */
    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** snake_case names of Axon's token table, matching the Flyway migration. */
    public static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();

    /** How long a caught-up event-store reader (the relay) waits before it looks for new events again. */
    static final long FETCH_DELAY_MS = 50;

    private AxonStore() {
    }

    /**
     * A configurer with the store, serializers, transactions and token store set; the service adds
     * its aggregates, handlers and processors and builds it.
     */
    public static Configurer configurer(DataSource dataSource, jakarta.transaction.TransactionManager jta) {
        TransactionManager tx = new JtaTransactionManager(jta);
        // The event store's own mapper: what REST customises (Quarkus's mapper, its generated
        // serializers) must never change how stored events read back.
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        Serializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        ConnectionProvider connections = dataSource::getConnection;

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> tx)
                // a command's actor goes on the events it applies
                .configureCorrelationDataProviders(c -> java.util.List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(Actor.METADATA_KEY)))
                .configureEventStore(c -> {
                    EmbeddedEventStore store = EmbeddedEventStore.builder()
                            .storageEngine(JdbcEventStorageEngine.builder()
                                    .connectionProvider(connections)
                                    .transactionManager(tx)
                                    .schema(EVENT_SCHEMA)
                                    .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                                    .snapshotSerializer(serializer)
                                    .eventSerializer(serializer)
                                    .batchSize(500)
                                    .build())
                            // Axon wakes its readers when its unit of work commits, which inside a request's JTA
                            // transaction is before the database commit: they find nothing yet and would sleep the
                            // default 1 s before looking again
                            .fetchDelay(FETCH_DELAY_MS)
                            .build();
                    c.onShutdown(store::shutDown);
                    return store;
                });
        configurer.eventProcessing()
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .schema(TOKEN_SCHEMA)
                        .build())
                // a failing handler must stop and retry its batch, never skip an event
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        return configurer;
    }
}
