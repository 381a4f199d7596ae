package vn.thidua.participation.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.kit.axon.PostgresDuplicateKeyResolver;
import vn.thidua.kit.ids.TimeOrderedIds;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.kit.problem.Problems;
import vn.thidua.kit.security.ActorInterceptor;
import vn.thidua.participation.catalog.CampaignCatalog;
import vn.thidua.participation.roster.RosterLookup;

/**
 * Records participation after checking it against what was launched, the rosters and the closed years,
 * and the evidence rule: every rule of a record is here (and one registration per campaign also in the
 * view's unique index); a record is then its one event, appended by {@link ParticipationLog}.
 */
@ApplicationScoped
public class ParticipationService {
    private final ParticipationLog log;
    private final CampaignCatalog catalog;
    private final RosterLookup rosters;
    private final ParticipationViews views;
    private final DataSource dataSource;

    public ParticipationService(ParticipationLog log, CampaignCatalog catalog, RosterLookup rosters, ParticipationViews views, DataSource dataSource) {
        this.log = log;
        this.catalog = catalog;
        this.rosters = rosters;
        this.views = views;
        this.dataSource = dataSource;
    }

    /**
     * Makes the rest of the current transaction's statements take generic plans ({@code SET LOCAL
     * plan_cache_mode}). The lookups pass their questions as arrays ({@code unnest}); given an array,
     * PostgreSQL plans every execution anew (a custom plan: 0.50 against 0.23 ms a lookup of the
     * catalog, measured), although the plan it makes never changes. Must run inside a transaction.
     */
    public void useGenericPlans() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the transaction's plan cache mode: " + e.getMessage(), e);
        }
    }

    /** What the rules ask the database about a request, answered for all the requests of a transaction at once ({@link #lookupsFor}). */
    private record Lookups(Map<CampaignCatalog.Asked, CampaignCatalog.Standing> standings, Set<RosterLookup.OnDay> onRosterDays) {
        Optional<CampaignCatalog.Standing> standing(ParticipationRequest r) {
            return Optional.ofNullable(standings.get(asked(r)));
        }

        boolean onRoster(ParticipationRequest r) {
            return onRosterDays.contains(onDay(r));
        }
    }

    /** Validates and records; must run inside a transaction. */
    public ParticipationView record(ParticipationRequest request) {
        useGenericPlans();
        DomainException refused = refusals(List.of(request)).get(0);
        if (refused != null) {
            throw refused;
        }
        return recordAccepted(List.of(request), List.of(ActorInterceptor.eventMetaData())).get(0);
    }

    /**
     * The lookups of many records at once (a batch, or concurrent records sharing a transaction): every
     * campaign's standing and every member's roster question answered by one statement each (an
     * attendance list asks one campaign, one unit, one day).
     */
    private Lookups lookupsFor(List<ParticipationRequest> requests) {
        Map<CampaignCatalog.Asked, CampaignCatalog.Standing> standings = catalog.standings(requests.stream().map(ParticipationService::asked).toList());
        Set<RosterLookup.OnDay> onRoster = rosters.onRoster(requests.stream().filter(r -> r.memberId() != null).map(ParticipationService::onDay).toList());
        return new Lookups(standings, onRoster);
    }

    private static CampaignCatalog.Asked asked(ParticipationRequest r) {
        return new CampaignCatalog.Asked(r.campaignId(), r.unitCode(), r.occurredOn().getYear());
    }

    /** What one registration is of, as the view's unique indexes key it: the member and the campaign, or the unit and the campaign. */
    private static List<String> registration(ParticipationRequest r) {
        return r.memberId() != null ? List.of(r.campaignId(), "member", r.memberId()) : List.of(r.campaignId(), "unit", r.unitCode());
    }

    private static RosterLookup.OnDay onDay(ParticipationRequest r) {
        return new RosterLookup.OnDay(r.unitCode(), r.memberId(), r.occurredOn());
    }

    /**
     * Validates every item by the rules of {@link #record}, then records them all in order, or none:
     * if any item is refused, a {@code batch-refused} problem lists each refused item's own problem
     * and nothing is written. Two registrations of one member for one campaign in the batch refuse the
     * second. Must run inside a transaction (one for the batch), which takes generic plans ({@link #useGenericPlans}).
     */
    public List<ParticipationView> recordAll(List<ParticipationRequest> requests) {
        useGenericPlans();
        List<DomainException> refusals = refusals(requests);
        List<Map<String, Object>> refused = new ArrayList<>();
        for (int i = 0; i < refusals.size(); i++) {
            DomainException e = refusals.get(i);
            if (e != null) {
                refused.add(Map.of("index", i, "problem", Problems.of(e.kind().status(), e.code(), e.title(), e.getMessage(), e.extensions())));
            }
        }
        if (!refused.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "batch-refused", "Items of the batch are refused",
                    refused.size() + " of " + requests.size() + " items are refused (see items: index from 0, and each one's problem); "
                            + "nothing was recorded: correct or remove them and send the batch again")
                    .with("items", refused);
        }
        return recordAccepted(requests, Collections.nCopies(requests.size(), ActorInterceptor.eventMetaData()));
    }

    /**
     * What the rules of {@link #record} say of each request, the lookups answered for all of them at
     * once: the problem it is refused with, or null when it may be recorded. A registration of a member
     * (or unit) for a campaign that an earlier request among them registers is refused. Must run inside
     * a transaction.
     */
    public List<DomainException> refusals(List<ParticipationRequest> requests) {
        List<DomainException> refusals = new ArrayList<>(requests.size());
        Set<List<String>> registrations = new HashSet<>();
        Lookups lookups = lookupsFor(requests);
        for (ParticipationRequest request : requests) {
            try {
                check(request, lookups);
                if (request.kind() == ParticipationKind.REGISTERED && !registrations.add(registration(request))) {
                    throw alreadyRegistered(request.campaignId(), request.memberId(), request.unitCode());
                }
                refusals.add(null);
            } catch (DomainException e) {
                refusals.add(e);
            }
        }
        return refusals;
    }

    private void check(ParticipationRequest request, Lookups lookups) {
        CampaignCatalog.Standing standing = lookups.standing(request)
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "campaign-not-known",
                        "The campaign is not known here (yet)",
                        "campaign " + request.campaignId() + " has not been seen on thidua.campaign.v1; if it was just launched, "
                                + "retry in a few seconds with the same Idempotency-Key")
                        .with("retryAfterSeconds", 5));
        CampaignCatalog.KnownCampaign campaign = standing.campaign();
        if (!standing.unitIsRecipient()) {
            throw refuse("unit-not-recipient", "The unit was not notified of this campaign",
                    "unit " + request.unitCode() + " is not a recipient of campaign '" + campaign.title() + "'", "unitCode");
        }
        if (!campaign.covers(request.occurredOn())) {
            throw refuse("outside-campaign-period", "The date is outside the campaign's period",
                    request.occurredOn() + " is outside the period of '" + campaign.title() + "' (" + campaign.from() + " – "
                            + (campaign.to() == null ? "open" : campaign.to()) + ")", "occurredOn");
        }
        if (standing.yearClosed()) {
            throw refuse("year-closed", "The year's appraisal is closed",
                    "the year-end review of " + request.occurredOn().getYear() + " is closed; nothing more counts for it", "occurredOn");
        }
        if (request.memberId() != null && !lookups.onRoster(request)) {
            throw refuse("member-not-on-roster", "The member was not on the unit's roster that day",
                    "member " + request.memberId() + " was not on the roster of " + request.unitCode() + " on " + request.occurredOn(), "memberId");
        }
        if (request.kind() == ParticipationKind.REGISTERED && views.registered(request.campaignId(), request.unitCode(), request.memberId())) {
            throw alreadyRegistered(request.campaignId(), request.memberId(), request.unitCode());
        }
        request.requireEvidence();
    }

    /**
     * Records requests the rules accepted ({@link #refusals}): appends their events in order (one
     * statement batch), each with its own caller's MetaData (requests of several callers may share the
     * transaction), and answers their views, written in the same transaction. Must run inside one.
     */
    public List<ParticipationView> recordAccepted(List<ParticipationRequest> requests, List<MetaData> callers) {
        List<ParticipationRecorded> events = new ArrayList<>(requests.size());
        for (ParticipationRequest request : requests) {
            events.add(request.toEvent(TimeOrderedIds.next().toString()));
        }
        try {
            log.append(events, callers);
        } catch (RuntimeException e) {
            // two registrations racing: the unique index of the view refuses the second
            List<ParticipationRequest> registrations = requests.stream().filter(r -> r.kind() == ParticipationKind.REGISTERED).toList();
            if (!registrations.isEmpty() && new PostgresDuplicateKeyResolver().isDuplicateKeyViolation(e)) {
                if (registrations.size() == 1) {
                    ParticipationRequest r = registrations.get(0);
                    throw alreadyRegistered(r.campaignId(), r.memberId(), r.unitCode());
                }
                throw new DomainException(DomainException.Kind.CONFLICT, "already-registered", "Already registered for this campaign",
                        "one of the batch's " + registrations.size() + " registrations was recorded meanwhile by another request; "
                                + "nothing was recorded: send the batch again to see which");
            }
            throw e;
        }
        List<ParticipationView> written = new ArrayList<>(events.size());
        for (ParticipationRecorded event : events) {
            written.add(views.written(event.recordId())
                    .orElseThrow(() -> new IllegalStateException("record " + event.recordId() + " has no view after its event")));
        }
        return written;
    }

    private static DomainException alreadyRegistered(String campaignId, String memberId, String unitCode) {
        return new DomainException(DomainException.Kind.CONFLICT, "already-registered", "Already registered for this campaign",
                (memberId != null ? "member " + memberId : "unit " + unitCode) + " already registered (đăng ký thi đua) for campaign " + campaignId);
    }

    private static DomainException refuse(String code, String title, String detail, String field) {
        return new DomainException(DomainException.Kind.RULE_BROKEN, code, title, detail)
                .with("errors", List.of(Map.of("field", field, "message", title)));
    }
}
