package vn.thidua.campaign.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.DepartmentNotified;
import vn.thidua.contract.events.NotificationAcknowledged;
import vn.thidua.kit.problem.DomainException;

/**
 * A campaign (phong trào thi đua), event-sourced. Launching it emits {@link CampaignLaunched} and
 * then one {@link DepartmentNotified} per recipient unit; each unit head acknowledges once.
 * Every event of this aggregate is published.
 */
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private String title;
    private final Set<String> recipients = new HashSet<>();
    private final Map<String, NotificationAcknowledged> acknowledgements = new HashMap<>();

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected Campaign() {
    }

    @CommandHandler
    public Campaign(LaunchCampaign command) {
        validate(command);
        List<String> codes = command.recipients().stream().map(Recipient::unitCode).toList();
        apply(new CampaignLaunched(command.campaignId(), command.kind(), command.title(), command.content(), command.basisPlans(),
                command.period(), command.launchDocument(), codes));
        for (Recipient recipient : command.recipients()) {
            apply(new DepartmentNotified(command.campaignId(), recipient.unitCode(), recipient.unitName(), command.title(),
                    command.kind(), command.period(), command.launchDocument().number()));
        }
    }

    private static void validate(LaunchCampaign command) {
        if (command.kind() == CampaignKind.PHASE && command.period().to() == null) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "phase-needs-end", "A campaign by phase needs an end date",
                    "a PHASE campaign (thi đua theo Đợt) is a bounded drive: give period.to");
        }
        if (command.recipients().isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "no-recipients", "A campaign needs at least one recipient unit",
                    "give recipientUnitCodes, or allUnits: true once units are registered");
        }
        Set<String> seen = new HashSet<>();
        for (Recipient r : command.recipients()) {
            if (!seen.add(r.unitCode())) {
                throw new DomainException(DomainException.Kind.INVALID, "duplicate-recipient", "A unit is named twice among the recipients",
                        "unit " + r.unitCode() + " appears more than once in recipientUnitCodes");
            }
        }
    }

    @CommandHandler
    public Acknowledgement handle(AcknowledgeNotification command) {
        if (!recipients.contains(command.unitCode())) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "unit-not-recipient", "The unit was not notified of this campaign",
                    "unit " + command.unitCode() + " is not a recipient of campaign '" + title + "'; recipients: " + recipients.stream().sorted().toList());
        }
        NotificationAcknowledged earlier = acknowledgements.get(command.unitCode());
        if (earlier != null) {
            return new Acknowledgement(campaignId, earlier.unitCode(), earlier.acknowledgedBy(), earlier.acknowledgedAt(), false);
        }
        Instant at = command.at();
        apply(new NotificationAcknowledged(campaignId, command.unitCode(), command.acknowledgedBy(), at));
        return new Acknowledgement(campaignId, command.unitCode(), command.acknowledgedBy(), at, true);
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        title = event.title();
    }

    @EventSourcingHandler
    void on(DepartmentNotified event) {
        recipients.add(event.unitCode());
    }

    @EventSourcingHandler
    void on(NotificationAcknowledged event) {
        acknowledgements.put(event.unitCode(), event);
    }
}
