package vn.thidua.participation.roster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.kit.problem.DomainException;

/**
 * A unit's roster (danh sách CCVC và NLĐ), event-sourced: who is on it, from when to when. A member
 * may leave and come back; each stay is a stint from the join date (inclusive) to the leave date
 * (exclusive). A move between units is a leave here and a join there.
 */
public class UnitRoster {

    /** One stay of a member on the roster. */
    record Stint(String fullName, String position, LocalDate joinedOn, LocalDate leftOn) {
        boolean open() {
            return leftOn == null;
        }
    }

    @AggregateIdentifier
    private String rosterId;
    private final Map<String, List<Stint>> stints = new HashMap<>();

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected UnitRoster() {
    }

    /** The roster aggregate id of a unit. */
    public static String idOf(String unitCode) {
        return "roster-" + unitCode;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RosterChange handle(JoinUnit command) {
        Stint last = last(command.memberId());
        if (last != null && last.open()) {
            if (Objects.equals(last.fullName(), command.fullName()) && Objects.equals(last.position(), command.position())
                    && last.joinedOn().equals(command.joinedOn())) {
                return RosterChange.UNCHANGED;
            }
            throw new DomainException(DomainException.Kind.CONFLICT, "member-already-on-roster", "The member is already on the roster",
                    "member " + command.memberId() + " is on the roster of " + command.unitCode() + " since " + last.joinedOn()
                            + " as " + last.fullName() + "; to change it, leave first")
                    .with("onRosterSince", last.joinedOn().toString());
        }
        if (last != null && command.joinedOn().isBefore(last.leftOn())) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "overlapping-membership", "The stays on the roster would overlap",
                    "member " + command.memberId() + " left " + command.unitCode() + " on " + last.leftOn() + "; a new stay starts on or after it");
        }
        apply(new MemberJoinedUnit(command.memberId(), command.fullName(), command.position(), command.unitCode(), command.joinedOn()));
        return RosterChange.CHANGED;
    }

    @CommandHandler
    public RosterChange handle(LeaveUnit command) {
        Stint last = last(command.memberId());
        if (last == null) {
            throw notOnRoster(command);
        }
        if (!last.open()) {
            if (last.leftOn().equals(command.leftOn())) {
                return RosterChange.UNCHANGED;
            }
            throw notOnRoster(command);
        }
        if (!command.leftOn().isAfter(last.joinedOn())) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "leave-before-join", "A member leaves after joining",
                    "member " + command.memberId() + " joined " + command.unitCode() + " on " + last.joinedOn()
                            + "; the leave date (the first day off the roster) must be later");
        }
        apply(new MemberLeftUnit(command.memberId(), last.fullName(), command.unitCode(), command.leftOn()));
        return RosterChange.CHANGED;
    }

    private static DomainException notOnRoster(LeaveUnit command) {
        return new DomainException(DomainException.Kind.RULE_BROKEN, "member-not-on-roster", "The member is not on the roster",
                "member " + command.memberId() + " is not on the roster of " + command.unitCode());
    }

    private Stint last(String memberId) {
        List<Stint> list = stints.get(memberId);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    @EventSourcingHandler
    void on(MemberJoinedUnit event) {
        rosterId = idOf(event.unitCode());
        stints.computeIfAbsent(event.memberId(), k -> new ArrayList<>())
                .add(new Stint(event.fullName(), event.position(), event.joinedOn(), null));
    }

    @EventSourcingHandler
    void on(MemberLeftUnit event) {
        List<Stint> list = stints.get(event.memberId());
        Stint open = list.remove(list.size() - 1);
        list.add(new Stint(open.fullName(), open.position(), open.joinedOn(), event.leftOn()));
    }
}
