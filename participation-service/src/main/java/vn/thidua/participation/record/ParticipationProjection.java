package vn.thidua.participation.record;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import vn.thidua.contract.events.ParticipationRecorded;

/**
 * Keeps {@link ParticipationView} in the writer's transaction (processor "views"), so that the
 * one-registration rule (a unique index) refuses a second REGISTERED inside the request. The events
 * of one append (a batch's, or a single record's) are handled in one unit of work: their views are
 * written together when it commits, before the append returns, as one statement batch.
 */
@Singleton
@ProcessingGroup("views")
public class ParticipationProjection {
    private static final String PENDING = ParticipationProjection.class.getName() + ".pending";

    private final ParticipationViews views;

    public ParticipationProjection(ParticipationViews views) {
        this.views = views;
    }

    @EventHandler
    void on(ParticipationRecorded event, @Timestamp Instant at) {
        pending().add(new ParticipationViews.Recorded(event, at));
    }

    /** The views of the current unit of work still to write (the handler's own, not its parent's: it commits with the append). */
    private List<ParticipationViews.Recorded> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING, k -> {
            List<ParticipationViews.Recorded> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> views.insert(pending));
            return pending;
        });
    }
}
