package vn.thidua.participation.personnel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.kit.problem.DomainException;

/**
 * A member's personnel file for the year-end review, event-sourced: the rating of each year, the
 * disciplines by decision number, the recruitment date. It belongs to the member, whatever their
 * unit. A correction is a new event of the same kind (the last one counts); the same fact again
 * emits nothing. Each handler answers whether an event was emitted.
 */
public class MemberFile {

    @AggregateIdentifier
    private String fileId;
    private final Map<Integer, MemberRated> ratings = new HashMap<>();
    private final Map<String, MemberDisciplined> disciplines = new HashMap<>();
    private LocalDate recruitedOn;

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected MemberFile() {
    }

    /** The file aggregate id of a member. */
    public static String idOf(String memberId) {
        return "personnel-" + memberId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RateMember command) {
        MemberRated rated = new MemberRated(command.memberId(), command.unitCode(), command.year(), command.rating());
        if (rated.equals(ratings.get(command.year()))) {
            return false;
        }
        apply(rated);
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordDiscipline command) {
        if (command.to() != null && command.to().isBefore(command.from())) {
            throw new DomainException(DomainException.Kind.RULE_BROKEN, "discipline-ends-before-it-starts",
                    "A discipline ends on or after the day it starts",
                    "the discipline " + command.decisionNumber() + " of member " + command.memberId() + " would end on " + command.to()
                            + ", before it starts on " + command.from());
        }
        MemberDisciplined disciplined = new MemberDisciplined(command.memberId(), command.unitCode(), command.decisionNumber(),
                command.level(), command.from(), command.to());
        if (disciplined.equals(disciplines.get(disciplined.decisionNumber()))) {
            return false;
        }
        apply(disciplined);
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordRecruitment command) {
        if (command.recruitedOn().equals(recruitedOn)) {
            return false;
        }
        apply(new MemberRecruited(command.memberId(), command.recruitedOn()));
        return true;
    }

    @EventSourcingHandler
    void on(MemberRated event) {
        fileId = idOf(event.memberId());
        ratings.put(event.year(), event);
    }

    @EventSourcingHandler
    void on(MemberDisciplined event) {
        fileId = idOf(event.memberId());
        disciplines.put(event.decisionNumber(), event);
    }

    @EventSourcingHandler
    void on(MemberRecruited event) {
        fileId = idOf(event.memberId());
        recruitedOn = event.recruitedOn();
    }
}
