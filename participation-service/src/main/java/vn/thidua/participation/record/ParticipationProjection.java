package vn.thidua.participation.record;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import vn.thidua.contract.events.ParticipationRecorded;

/**
 * Keeps {@link ParticipationView} in the command's transaction (processor "views"), so that the
 * one-registration rule (a unique index) refuses a second REGISTERED inside the command.
 */
@Singleton
@ProcessingGroup("views")
public class ParticipationProjection {
    private final ParticipationViews views;

    public ParticipationProjection(ParticipationViews views) {
        this.views = views;
    }

    @EventHandler
    void on(ParticipationRecorded event, @Timestamp Instant at) {
        views.insert(event, at);
    }
}
