package vn.thidua.evaluation.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Topic;
import vn.thidua.evaluation.facts.EndOffsets;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.facts.FactsConsumer;
import vn.thidua.scoring.Watermark;
import vn.thidua.evaluation.score.ScoreService;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.ScoringPolicies;

/** Closing a year: the table at the projection's watermark, frozen by {@code AppraisalClosed}. */
@ApplicationScoped
public class AppraisalService {
    private static final Logger LOG = Logger.getLogger(AppraisalService.class);

    /** The answer to a close. */
    public record CloseResult(AppraisalClosed close, boolean closedNow, long inFlightRecords, String note) {
    }

    private final CommandGateway commands;
    private final FactsConsumer consumer;
    private final ScoreService scores;
    private final FactStore facts;
    private final EndOffsets ends;
    private final Clock clock;

    public AppraisalService(CommandGateway commands, FactsConsumer consumer, ScoreService scores, FactStore facts, EndOffsets ends, Clock clock) {
        this.commands = commands;
        this.consumer = consumer;
        this.scores = scores;
        this.facts = facts;
        this.ends = ends;
        this.clock = clock;
    }

    public synchronized CloseResult close(int year, String closedBy) {
        var existing = scores.closedYear(year);
        if (existing.isPresent()) {
            return new CloseResult(existing.get(), false, 0, "the year was already closed; nothing changed");
        }
        List<PartitionOffset> watermark = consumer.watermark();
        ScoreTable table = scores.tableAt(year, Watermark.of(watermark));
        AppraisalClosed close = new AppraisalClosed(year, ScoringPolicies.current().version(), table.digest(), watermark,
                new AppraisalCounts(table.members().size(), table.units().size(), table.counted().size(), table.refused()),
                closedBy, clock.instant());
        Appraisal.Outcome outcome = commands.sendAndWait(new CloseAppraisal(Appraisal.idOf(year), close));
        long inFlight = EndOffsets.behind(ends.of(List.of(Topic.PARTICIPATION.address())),
                watermark.stream().filter(p -> p.topic().equals(Topic.PARTICIPATION.address())).toList());
        String note = inFlight == 0
                ? "every participation record published before the close was counted"
                : inFlight + " participation records were still in flight and are not counted: the year was closed at the watermark "
                + "the projection had reached; those of " + year + " will be listed as late";
        LOG.infof("year %d closed by %s: digest %s, %d counted, %d in flight", year, closedBy, close.digest(), table.counted().size(), inFlight);
        return new CloseResult(outcome.close(), outcome.closedNow(), inFlight, note);
    }

    /** The year's late records: arrived after the close, beyond its watermark; listed, never counted. */
    public List<FactStore.StoredRecord> late(int year) {
        return scores.closedYear(year).map(c -> facts.outside(year, Watermark.of(c.watermark()))).orElse(List.of());
    }
}
