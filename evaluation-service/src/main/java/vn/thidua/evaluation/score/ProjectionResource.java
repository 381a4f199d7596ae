package vn.thidua.evaluation.score;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.evaluation.facts.EndOffsets;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.facts.FactsConsumer;
import vn.thidua.kit.security.Roles;

/** Administration of the projection: drop the read model and rebuild it from the topics. */
@Path("/api/projection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projection (admin)")
@RolesAllowed(Roles.OFFICER)
public class ProjectionResource {
    private static final Logger LOG = Logger.getLogger(ProjectionResource.class);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private final FactsConsumer consumer;
    private final FactStore facts;
    private final ScoreService scores;
    private final EndOffsets ends;
    private final javax.sql.DataSource dataSource;

    public ProjectionResource(FactsConsumer consumer, FactStore facts, ScoreService scores, EndOffsets ends, javax.sql.DataSource dataSource) {
        this.consumer = consumer;
        this.facts = facts;
        this.scores = scores;
        this.ends = ends;
        this.dataSource = dataSource;
    }

    /**
     * Each year's digest before and after, and whether they are equal; how many events were read
     * again and how long reading them took (then the tables are recomputed: {@code seconds} is all of it).
     */
    public record Rebuilt(Map<Integer, String> before, Map<Integer, String> after, boolean identical, long eventsRead, double readSeconds,
                          double seconds) {
    }

    @POST
    @Path("rebuild")
    @Operation(summary = "Drop the read model and rebuild it from the topics; answers each year's digest before and after")
    public synchronized Rebuilt rebuild() throws Exception {
        long started = System.nanoTime();
        Map<Integer, String> before = digests();
        List<PartitionOffset> target = ends.of(FactsConsumer.TOPICS);
        long toRead = EndOffsets.behind(target, List.of());
        LOG.infof("rebuilding the projection from the topics (%d records to read)", toRead);
        consumer.consumer().rewindToStart(this::dropReadModel).get(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        long readStarted = System.nanoTime();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long lastLog = System.nanoTime();
        long behind;
        while ((behind = EndOffsets.behind(target, consumer.positions())) > 0) {
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                LOG.infof("rebuild: %d of %d records read", toRead - behind, toRead);
                lastLog = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not catch up within " + LIMIT);
            }
            Thread.sleep(20);
        }
        double readSeconds = (System.nanoTime() - readStarted) / 1e9;
        scores.forgetAll();
        Map<Integer, String> after = digests();
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("projection rebuilt: %d events read in %.1f s, %.1f s in all; digests %s", toRead, readSeconds, seconds,
                before.equals(after) ? "identical" : "CHANGED");
        return new Rebuilt(before, after, before.equals(after), toRead, readSeconds, seconds);
    }

    private Map<Integer, String> digests() {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int year : facts.years()) {
            out.put(year, scores.table(year).table().digest());
        }
        return out;
    }

    private void dropReadModel() {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("TRUNCATE ev_campaign, ev_roster, ev_record, appraisal, score_year, score_member, score_unit, counted_record, "
                    + "applied_event, rejected_event");
            s.execute("DELETE FROM consumer_position WHERE consumer = '" + FactsConsumer.NAME + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot drop the read model: " + e.getMessage(), e);
        }
    }
}
