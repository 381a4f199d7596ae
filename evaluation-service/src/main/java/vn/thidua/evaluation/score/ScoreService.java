package vn.thidua.evaluation.score;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.evaluation.facts.ClosedYears;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.ScoringPolicies;

/**
 * Reading the score tables the consumer keeps up to date ({@link ScoreTables}): a read, never a
 * recomputation. A year is seeded with the Scorer the first time it is read (once); its digest is
 * computed from the stored lines when they changed since it was last asked for.
 */
@ApplicationScoped
public class ScoreService {
    private static final Logger LOG = Logger.getLogger(ScoreService.class);

    /** A year's tables where they stand, and its close if it is closed. */
    public record Year(ScoreTables.Head head, Optional<AppraisalClosed> closed) {
        public String status() {
            return head.status();
        }
    }

    private final DataSource dataSource;
    /** Per year: the version of the tables a digest was computed for, and that digest. */
    private final Map<Integer, Object[]> digests = new ConcurrentHashMap<>();

    public ScoreService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The year's head, seeding its tables first if they never were (or a close or a new policy made them stale). */
    public Year year(int year) {
        try (Connection c = dataSource.getConnection()) {
            Optional<ScoreTables.Head> head = ScoreTables.head(c, year);
            Optional<AppraisalClosed> closed = ClosedYears.find(c, year);
            if (head.isPresent() && current(head.get(), closed)) {
                return new Year(head.get(), closed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the score tables of " + year + ": " + e.getMessage(), e);
        }
        return seed(year);
    }

    private static boolean current(ScoreTables.Head head, Optional<AppraisalClosed> closed) {
        return closed.isPresent()
                ? head.status().equals(ScoreTables.CLOSED) && head.policyVersion().equals(closed.get().policyVersion())
                : head.status().equals(ScoreTables.OPEN) && head.policyVersion().equals(ScoringPolicies.current().version());
    }

    /** Seeds the year's tables with the Scorer (unless another reader just did). */
    public Year seed(int year) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ScoreTables.lockAlone(c);
                Optional<AppraisalClosed> closed = ClosedYears.find(c, year);
                Optional<ScoreTables.Head> head = ScoreTables.head(c, year);
                if (head.isEmpty() || !current(head.get(), closed)) {
                    long started = System.nanoTime();
                    ScoreTable t = ScoreTables.seed(c, year);
                    LOG.infof("year %d seeded with the Scorer: %d members, %d units, %d counted in %d ms", year, t.members().size(),
                            t.units().size(), t.counted().size(), (System.nanoTime() - started) / 1_000_000);
                    head = ScoreTables.head(c, year);
                }
                return new Year(head.orElseThrow(), closed);
            }
        });
    }

    /** The units' table with its head and digest, read in one snapshot. */
    public record Units(Year year, List<ScoreTable.UnitScore> units, String digest) {
    }

    public Units units(int year) {
        Year seeded = year(year);
        return snapshot(c -> {
            ScoreTables.Head head = ScoreTables.head(c, year).orElseThrow(() -> new IllegalStateException("year " + year + " was just dropped"));
            return new Units(new Year(head, seeded.closed()), ScoreTables.units(c, year), digest(c, head));
        });
    }

    /** The head and digest of the year, read in one snapshot. */
    public Units head(int year) {
        Year seeded = year(year);
        return snapshot(c -> {
            ScoreTables.Head head = ScoreTables.head(c, year).orElseThrow(() -> new IllegalStateException("year " + year + " was just dropped"));
            return new Units(new Year(head, seeded.closed()), List.of(), digest(c, head));
        });
    }

    public List<ScoreTables.RosterMember> roster(int year, String unitCode) {
        return snapshot(c -> ScoreTables.roster(c, year, unitCode));
    }

    public Optional<ScoreTable.MemberScore> member(int year, String memberId) {
        return snapshot(c -> ScoreTables.member(c, year, memberId));
    }

    public List<ScoreTable.CountedRecord> counted(int year, String memberId) {
        return snapshot(c -> ScoreTables.counted(c, year, Optional.of(memberId)));
    }

    /** The whole stored table (rosters and counted records too), as the Scorer's {@link ScoreTable}. */
    public ScoreTable table(int year) {
        year(year);
        return snapshot(c -> ScoreTables.table(c, ScoreTables.head(c, year).orElseThrow(), true));
    }

    /** The digest of the year's stored table ({@link ScoreTable#digest()}), computed again only when the tables changed. */
    private String digest(Connection c, ScoreTables.Head head) throws SQLException {
        Object[] known = digests.get(head.year());
        if (known != null && (long) known[0] == head.version()) {
            return (String) known[1];
        }
        String digest = ScoreTables.table(c, head, false).digest();
        digests.put(head.year(), new Object[] {head.version(), digest});
        return digest;
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    /** Reads in one repeatable-read transaction: the head, the lines and the digest are of the same state. */
    private <T> T snapshot(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = read.from(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the score tables: " + e.getMessage(), e);
        }
    }
}
