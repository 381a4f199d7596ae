package vn.thidua.kit.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
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
            ArcContainer container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return command;
            }
            Caller caller = container.instance(Caller.class).get();
            // every endpoint demands a role, so a request that dispatches a command is signed in; an
            // anonymous request context (a scheduled task, a test) keeps the command's own MetaData
            return caller.signedIn() ? command.andMetaData(java.util.Map.of(Actor.METADATA_KEY, caller.actor())) : command;
        };
    }
}
