package vn.thidua.evaluation.appraisal;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.evaluation.facts.ClosedYears;

/**
 * Records a close in the read model in the close's own transaction (processor "views"), so the year
 * is frozen at once; the same close read back from {@code thidua.appraisal.v1} is then a no-op.
 */
@Singleton
@ProcessingGroup("views")
public class AppraisalProjection {
    private final DataSource dataSource;

    public AppraisalProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(AppraisalClosed event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ClosedYears.upsert(c, event);
        }
    }
}
