package vn.thidua.kit.axon;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.kit.problem.DomainException;

/**
 * Checks every published event against its JSON Schema, with the very validator consumers use
 * ({@link EventCodec}), when it is published to the event store (applied by an aggregate, or
 * appended directly): before it is stored. An event the contract refuses fails the command or the
 * append (422 {@code event-contract-violation}), so it never reaches the event store, the outbox or Kafka. Internal events (not {@link ThiduaEvent}s) pass unchecked.
 */
public final class ContractCheck implements MessageDispatchInterceptor<EventMessage<?>> {
    private final EventCodec codec = EventCodec.instance();

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof ThiduaEvent event) {
                check(event);
            }
            return message;
        };
    }

    /** Refuses {@code event} when its data does not match its published schema. */
    public void check(ThiduaEvent event) {
        EventType type = EventType.of(event);
        Set<String> violations = codec.violations(type, codec.parse(codec.encode(event)));
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "event-contract-violation",
                    "The request would publish an event its contract refuses",
                    type.eventName() + " would break its published schema: " + String.join("; ", violations))
                    .with("event", type.eventName())
                    .with("violations", List.copyOf(violations));
        }
    }
}
