package vn.thidua.kit.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import vn.thidua.kit.axon.Actor;

/**
 * Sets the MetaData {@code actor} of every command dispatched while serving a request, from the
 * caller's token (never from the body). A command dispatched outside a request keeps the MetaData it
 * has; the relay then names the service as the actor.
 */
public final class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            ArcContainer container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return command;
            }
            return command.andMetaData(java.util.Map.of(Actor.METADATA_KEY, container.instance(Caller.class).get().actor()));
        };
    }
}
