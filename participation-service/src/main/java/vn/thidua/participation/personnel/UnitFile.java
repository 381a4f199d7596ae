package vn.thidua.participation.personnel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.UnitRated;

/**
 * A unit's ratings (xếp loại tập thể), event-sourced, one per year; a correction is a new
 * {@link UnitRated} (the last one counts), the same rating again emits nothing.
 */
public class UnitFile {

    @AggregateIdentifier
    private String fileId;
    private final Map<Integer, Rating> ratings = new HashMap<>();

    /** Axon creates the aggregate empty, then replays its events into it. */
    protected UnitFile() {
    }

    /** The file aggregate id of a unit. */
    public static String idOf(String unitCode) {
        return "unit-rating-" + unitCode;
    }

    /** Whether an event was emitted. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RateUnit command) {
        if (command.rating() == ratings.get(command.year())) {
            return false;
        }
        apply(new UnitRated(command.unitCode(), command.year(), command.rating()));
        return true;
    }

    @EventSourcingHandler
    void on(UnitRated event) {
        fileId = idOf(event.unitCode());
        ratings.put(event.year(), event.rating());
    }
}
