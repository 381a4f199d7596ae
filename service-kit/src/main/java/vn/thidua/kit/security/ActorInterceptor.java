package vn.thidua.kit.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import vn.thidua.kit.axon.Actor;

/**
 * Sets the MetaData {@code actor} of every command dispatched while serving a signed-in request, from
 * the caller's token (never from the body). A command dispatched outside one keeps the MetaData it
 * has; without an actor there, the relay names the service as the actor.
 */
public final class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Optional<String> actor = currentActor();
            return actor.isPresent() ? command.andMetaData(Map.of(Actor.METADATA_KEY, actor.get())) : command;
        };
    }

    /**
     * The MetaData of an event appended directly (no command) while serving a request: the caller's
     * {@code actor}, as on a command; empty outside a signed-in request.
     */
    public static MetaData eventMetaData() {
        return currentActor().map(actor -> MetaData.with(Actor.METADATA_KEY, actor)).orElse(MetaData.emptyInstance());
    }

    /**
     * The signed-in caller's actor. Every endpoint demands a role, so a request that dispatches a
     * command is signed in; an anonymous request context (a scheduled task, a test) has none.
     */
    private static Optional<String> currentActor() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        Caller caller = container.instance(Caller.class).get();
        return caller.signedIn() ? Optional.of(caller.actor()) : Optional.empty();
    }
}
