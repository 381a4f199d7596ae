package vn.thidua.campaign.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.logging.Logger;
import vn.thidua.campaign.plan.PlanView;
import vn.thidua.campaign.unit.Unit;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.PlanReference;
import vn.thidua.kit.problem.DomainException;

/** Launching campaigns and acknowledging them: resolves plans and units, then commands the aggregate. */
@ApplicationScoped
public class CampaignService {
    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    private final CommandGateway commands;
    private final Clock clock;

    public CampaignService(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Launches the campaign; must run inside a transaction (the views are read back in it). */
    public CampaignDetails launch(CampaignRequest request) {
        List<PlanReference> plans = resolvePlans(request.basisPlanNumbers() == null ? List.of() : request.basisPlanNumbers());
        List<Recipient> recipients = resolveRecipients(request);
        String campaignId = UUID.randomUUID().toString();
        commands.sendAndWait(new LaunchCampaign(campaignId, request.kind(), request.nfcTitle(), request.nfcContent(), plans,
                request.period().toPeriod("period"), request.launchDocument().toDocument(), recipients));
        LOG.infof("campaign %s launched: %s '%s', %d recipient units", campaignId, request.kind(), request.nfcTitle(), recipients.size());
        return find(campaignId);
    }

    public Acknowledgement acknowledge(String campaignId, String unitCode, String acknowledgedBy) {
        try {
            return commands.sendAndWait(new AcknowledgeNotification(campaignId, unitCode, acknowledgedBy, clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw campaignNotFound(campaignId);
        }
    }

    public CampaignDetails find(String campaignId) {
        CampaignView view = CampaignView.findById(campaignId);
        if (view == null) {
            throw campaignNotFound(campaignId);
        }
        return CampaignDetails.of(view, RecipientView.ofCampaign(campaignId));
    }

    public List<CampaignDetails.Summary> list(Integer year, CampaignKind kind) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (year != null) {
            where.append(" and periodFrom <= :last and (periodTo is null or periodTo >= :first)");
            params.put("first", LocalDate.of(year, 1, 1));
            params.put("last", LocalDate.of(year, 12, 31));
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        List<CampaignView> views = CampaignView.list(where + " order by periodFrom, title", params);
        List<CampaignDetails.Summary> out = new ArrayList<>();
        for (CampaignView v : views) {
            List<RecipientView> recipients = RecipientView.ofCampaign(v.campaignId);
            out.add(new CampaignDetails.Summary(v.campaignId, v.kind, v.title, v.periodFrom, v.periodTo, v.documentNumber,
                    recipients.size(), (int) recipients.stream().filter(r -> r.acknowledgedAt != null).count()));
        }
        return out;
    }

    private List<PlanReference> resolvePlans(List<String> numbers) {
        List<PlanReference> plans = new ArrayList<>();
        for (String raw : numbers) {
            String number = vn.thidua.contract.Text.nfc(raw.strip());
            List<PlanView> found = PlanView.list("upper(number) = upper(?1)", number);
            if (found.isEmpty()) {
                throw new DomainException(DomainException.Kind.RULE_BROKEN, "unknown-plan", "A basis plan is not registered",
                        "plan " + number + " is not registered; the provincial feed must send it first (POST /api/plans)")
                        .with("errors", List.of(Map.of("field", "basisPlanNumbers", "message", "unknown plan " + number)));
            }
            if (found.size() > 1) {
                throw new DomainException(DomainException.Kind.RULE_BROKEN, "ambiguous-plan", "Several issuers have a plan with this number",
                        "plan number " + number + " is registered by " + found.stream().map(p -> p.issuer).toList());
            }
            PlanView p = found.get(0);
            plans.add(new PlanReference(p.number, p.issuedOn, p.issuer, p.title));
        }
        return plans;
    }

    private List<Recipient> resolveRecipients(CampaignRequest request) {
        boolean all = Boolean.TRUE.equals(request.allUnits());
        List<String> codes = request.recipientUnitCodes() == null ? List.of() : request.recipientUnitCodes();
        if (all == !codes.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "recipients-required", "Say who receives the campaign",
                    "give either recipientUnitCodes (a list of unit codes) or allUnits: true, not both and not neither")
                    .with("errors", List.of(Map.of("field", "recipientUnitCodes", "message", "or allUnits: true")));
        }
        if (all) {
            return Unit.<Unit>list("order by code").stream().map(u -> new Recipient(u.code, u.name)).toList();
        }
        Map<String, Unit> units = Unit.<Unit>list("code in ?1", codes).stream().collect(Collectors.toMap(u -> u.code, u -> u));
        List<String> unknown = codes.stream().filter(c -> !units.containsKey(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "unknown-unit", "A recipient unit is not registered",
                    "units " + unknown + " are not registered; register them with PUT /api/units/{code}")
                    .with("errors", List.of(Map.of("field", "recipientUnitCodes", "message", "unknown units " + unknown)));
        }
        return codes.stream().map(c -> new Recipient(c, units.get(c).name)).toList();
    }

    private static DomainException campaignNotFound(String campaignId) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "campaign-not-found", "No such campaign",
                "no campaign has id " + campaignId);
    }
}
