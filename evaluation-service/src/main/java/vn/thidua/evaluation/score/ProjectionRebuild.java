package vn.thidua.evaluation.score;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.evaluation.facts.EndOffsets;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.facts.FactsConsumer;

/**
 * Dropping the read model and reading the topics again. While the facts are read no year's tables
 * are seeded, so the consumer only stores facts; then each year is seeded once with the Scorer and
 * its digest compared with the one before.
 */
@ApplicationScoped
public class ProjectionRebuild {
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    /**
     * Each year's digest before and after, and whether they are equal; how many events were read
     * again and how long reading them took, how long seeding the tables took, and all of it.
     */
    public record Rebuilt(Map<Integer, String> before, Map<Integer, String> after, boolean identical, long eventsRead, double readSeconds,
                          double seedSeconds, double seconds) {
    }

    private final FactsConsumer consumer;
    private final ScoreService scores;
    private final EndOffsets ends;
    private final DataSource dataSource;
    private final AtomicBoolean running = new AtomicBoolean();

    public ProjectionRebuild(FactsConsumer consumer, ScoreService scores, EndOffsets ends, DataSource dataSource) {
        this.consumer = consumer;
        this.scores = scores;
        this.ends = ends;
        this.dataSource = dataSource;
    }

    public Rebuilt rebuild() throws Exception {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a rebuild is already running");
        }
        try {
            return run();
        } finally {
            running.set(false);
        }
    }

    private Rebuilt run() throws Exception {
        long started = System.nanoTime();
        List<PartitionOffset> target = ends.of(FactsConsumer.TOPICS);
        // the tables before are those of the same log the rebuild reads: let the live projection reach its end first
        awaitPositions(target, System.nanoTime() + LIMIT.toNanos(), 0);
        Map<Integer, String> before = digests();
        long toRead = EndOffsets.behind(target, List.of());
        LOG.infof("rebuilding the projection from the topics (%d records to read)", toRead);
        consumer.consumer().rewindToStart(ProjectionRebuild::dropReadModel).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        long readStarted = System.nanoTime();
        awaitPositions(target, readStarted + LIMIT.toNanos(), toRead);
        long readDone = System.nanoTime();
        Map<Integer, String> after = digests();
        long done = System.nanoTime();
        LOG.infof("projection rebuilt: %d events read in %.1f s, tables seeded in %.1f s; digests %s", toRead, (readDone - readStarted) / 1e9,
                (done - readDone) / 1e9, before.equals(after) ? "identical" : "CHANGED");
        return new Rebuilt(before, after, before.equals(after), toRead, (readDone - readStarted) / 1e9, (done - readDone) / 1e9,
                (done - started) / 1e9);
    }

    /** Waits until the consumer has read up to {@code target}; with {@code toRead > 0}, logs its progress every 5 s. */
    private void awaitPositions(List<PartitionOffset> target, long deadlineNanos, long toRead) throws InterruptedException {
        long lastLog = System.nanoTime();
        long behind;
        while ((behind = EndOffsets.behind(target, consumer.positions())) > 0) {
            if (toRead > 0 && System.nanoTime() - lastLog > 5_000_000_000L) {
                LOG.infof("rebuild: %d of %d records read", toRead - behind, toRead);
                lastLog = System.nanoTime();
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("the projection did not reach the log's end within " + LIMIT);
            }
            Thread.sleep(20);
        }
    }

    /** Each year's digest (a year not seeded yet is seeded with the Scorer first). */
    private Map<Integer, String> digests() throws SQLException {
        List<Integer> years;
        try (Connection c = dataSource.getConnection()) {
            years = FactStore.years(c);
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int year : years) {
            out.put(year, scores.head(year).digest());
        }
        return out;
    }

    /** The read model's own tables; the consumer forgets its applied ids and positions in the same transaction. */
    static void dropReadModel(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE ev_campaign, ev_roster, ev_record, ev_personnel, appraisal, score_year, score_member, score_member_count, score_roster, score_unit, counted_record");
        }
    }
}
