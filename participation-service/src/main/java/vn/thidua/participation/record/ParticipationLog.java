package vn.thidua.participation.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import vn.thidua.contract.events.ParticipationRecorded;

/**
 * Appends recorded participation to the event store, with no command and no aggregate (issue 20): a
 * record is its one event, {@code ParticipationRecord} {@code <recordId>} at sequence 0, so the
 * event row, the envelope on Kafka ({@code ce_aggregateid}, sequence 0) and the hash chain are as when
 * an aggregate applied it. Publishing through Axon's event store keeps the rest of that path: the
 * store's {@code ContractCheck} refuses a schema-invalid event before it is stored, the "views"
 * processor writes {@link ParticipationView} (its unique index refuses a second registration), all in
 * the caller's transaction; the relay then publishes it. Each event's MetaData names its caller
 * ({@code ce_actor}), as on a command ({@code ActorInterceptor.eventMetaData} of the request that sent it).
 */
@ApplicationScoped
public class ParticipationLog {
    /** The aggregate type of the event rows, as when {@code ParticipationRecord} was an aggregate class. */
    static final String AGGREGATE_TYPE = "ParticipationRecord";

    private final EventStore events;

    public ParticipationLog(EventStore events) {
        this.events = events;
    }

    /** Appends the events, in order, each with the MetaData at its index (its caller's actor), in the caller's transaction (one statement batch for the event rows). */
    public void append(List<ParticipationRecorded> recorded, List<MetaData> callers) {
        if (callers.size() != recorded.size()) {
            throw new IllegalArgumentException(recorded.size() + " events and " + callers.size() + " callers' MetaData");
        }
        List<GenericDomainEventMessage<ParticipationRecorded>> messages = new ArrayList<>(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            ParticipationRecorded event = recorded.get(i);
            messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, event.recordId(), 0, event, callers.get(i)));
        }
        events.publish(messages);
    }
}
