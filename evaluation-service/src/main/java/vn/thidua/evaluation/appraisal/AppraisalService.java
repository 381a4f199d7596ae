package vn.thidua.evaluation.appraisal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Topic;
import vn.thidua.evaluation.facts.ClosedYears;
import vn.thidua.evaluation.facts.EndOffsets;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.facts.FactsConsumer;
import vn.thidua.evaluation.score.ScoreService;
import vn.thidua.evaluation.score.ScoreTables;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.scoring.ScoringPolicy;
import vn.thidua.scoring.Watermark;

/** Closing a year: the table at the projection's watermark, frozen by {@code AppraisalClosed}. */
@ApplicationScoped
public class AppraisalService {
    private static final Logger LOG = Logger.getLogger(AppraisalService.class);

    /** The answer to a close; {@code inFlightRecords} is null when Kafka could not say. */
    public record CloseResult(AppraisalClosed close, boolean closedNow, Long inFlightRecords, String note) {
    }

    private final CommandGateway commands;
    private final DataSource dataSource;
    private final ScoreService scores;
    private final FactStore facts;
    private final EndOffsets ends;
    private final Clock clock;

    public AppraisalService(CommandGateway commands, DataSource dataSource, ScoreService scores, FactStore facts, EndOffsets ends, Clock clock) {
        this.commands = commands;
        this.dataSource = dataSource;
        this.scores = scores;
        this.facts = facts;
        this.ends = ends;
        this.clock = clock;
    }

    /**
     * Closes the year in one transaction: with the consumer held still, the positions it committed
     * are the watermark and the facts below it are scored with the current policy; the aggregate
     * records the close and the year's tables are written frozen. Nothing after the commit can fail
     * the answer.
     */
    public CloseResult close(int year, String closedBy) {
        Appraisal.Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ScoreTables.lockAlone(c);
                Optional<AppraisalClosed> existing = ClosedYears.find(c, year);
                if (existing.isPresent()) {
                    return new Appraisal.Outcome(existing.get(), false);
                }
                List<PartitionOffset> watermark = FactsConsumer.watermark(c);
                ScoringPolicy policy = ScoringPolicies.current();
                ScoreTable table = Scorer.score(year, FactStore.load(c, year, Watermark.of(watermark)), policy);
                Appraisal.Outcome closed = commands.sendAndWait(new CloseAppraisal(Appraisal.idOf(year), year, policy.version(), table.digest(),
                        watermark, new AppraisalCounts(table.members().size(), table.units().size(), table.counted().size(), table.refused()),
                        closedBy, clock.instant()));
                ScoreTables.write(c, table, ScoreTables.CLOSED);
                return closed;
            }
        });
        if (!outcome.closedNow()) {
            return new CloseResult(outcome.close(), false, 0L, "the year was already closed; nothing changed");
        }
        AppraisalClosed close = outcome.close();
        Long inFlight = inFlight(close);
        String note = inFlight == null
                ? "closed at the watermark the projection had reached; Kafka could not say how many records were still in flight"
                : inFlight == 0
                ? "every participation record published before the close was counted"
                : inFlight + " participation records were still in flight and are not counted: the year was closed at the watermark "
                + "the projection had reached; those of " + year + " will be listed as late";
        LOG.infof("year %d closed by %s: digest %s, %d counted, %s in flight", year, closedBy, close.digest(), close.counts().countedRecords(),
                inFlight);
        return new CloseResult(close, true, inFlight, note);
    }

    /** How many participation records lay beyond the close's watermark when it committed; null when Kafka cannot say. */
    private Long inFlight(AppraisalClosed close) {
        try {
            return EndOffsets.behind(ends.of(List.of(Topic.PARTICIPATION.address())),
                    close.watermark().stream().filter(p -> p.topic().equals(Topic.PARTICIPATION.address())).toList());
        } catch (RuntimeException e) {
            LOG.warnf("year %d closed, but the end of %s could not be read: %s", close.year(), Topic.PARTICIPATION.address(), e.getMessage());
            return null;
        }
    }

    /** The year's late records: arrived after the close, beyond its watermark; listed, never counted. */
    public List<FactStore.StoredRecord> late(int year) {
        return scores.year(year).closed().map(c -> facts.outside(year, Watermark.of(c.watermark()))).orElse(List.of());
    }
}
