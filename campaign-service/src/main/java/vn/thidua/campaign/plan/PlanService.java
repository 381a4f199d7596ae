package vn.thidua.campaign.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

/** Plan intake from the provincial feed: identity from (issuer, number), idempotent under retries and races. */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;

    public PlanService(CommandGateway commands) {
        this.commands = commands;
    }

    /** The plan's id: the same (issuer, number) always gives the same id, whatever the case or spacing. */
    public static String planId(String issuer, String number) {
        String identity = issuer.strip().toLowerCase(Locale.ROOT) + "\n" + number.strip().toUpperCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public record Registered(String planId, PlanOutcome outcome) {
    }

    public Registered register(PlanDetails details) {
        String planId = planId(details.issuer(), details.number());
        for (int attempt = 1; ; attempt++) {
            try {
                PlanOutcome outcome = commands.sendAndWait(new RegisterPlan(planId, details));
                if (outcome == PlanOutcome.REGISTERED) {
                    LOG.infof("plan %s of %s registered as %s", details.number(), details.issuer(), planId);
                }
                return new Registered(planId, outcome);
            } catch (AggregateStreamCreationException | ConcurrencyException | EventStoreException e) {
                // another copy of the same plan won the race: the next attempt sees it registered
                if (attempt == ATTEMPTS || !(e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException
                        || isDuplicateKey(e))) {
                    throw e;
                }
                LOG.debugf("plan %s: concurrent registration, attempt %d", planId, attempt);
            }
        }
    }

    private static boolean isDuplicateKey(Exception e) {
        return new vn.thidua.kit.axon.PostgresDuplicateKeyResolver().isDuplicateKeyViolation(e);
    }
}
