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
 * recomputation. A year is seeded with the Scorer the first time it is read (once). Its digest
 * (SHA-256 over every ranked member and unit, a hundred milliseconds at province size) is computed
 * from the stored lines in the background, never by the units' read (only the first read of a
 * year, which has none, waits for one): once the tables have been still for a second, at once;
 * while records arrive, at most every {@link #BACKGROUND_EVERY_NANOS} (each reads and hashes the
 * whole table). The read gives the last one computed and says whether it is of the lines it returns.
 * {@link #head} computes the exact digest when it is not known.
 */
@ApplicationScoped
public class ScoreService {
    private static final Logger LOG = Logger.getLogger(ScoreService.class);

    /** A year's tables where they stand, and its close if it is closed. */
    public record Year(ScoreReads.Head head, Optional<AppraisalClosed> closed) {
        public String status() {
            return head.status();
        }
    }

    private final DataSource dataSource;
    /** How long a digest computed in the background stays the one given while records arrive. */
    private static final long BACKGROUND_EVERY_NANOS = 5_000_000_000L;

    /** A digest, the version of the tables it was computed over, and when ({@link System#nanoTime}). */
    private record Digest(long version, String value, long computedAt) {
        Digest(long version, String value) {
            this(version, value, System.nanoTime());
        }
    }

    /** Per year, the last digest computed. */
    private final Map<Integer, Digest> digests = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> digesting = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService digester = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "score-digester");
        t.setDaemon(true);
        return t;
    });

    public ScoreService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The year's head, seeding its tables first if they never were (or a close or a new policy made them stale). */
    public Year year(int year) {
        try (Connection c = dataSource.getConnection()) {
            Optional<ScoreReads.Head> head = ScoreReads.head(c, year);
            Optional<AppraisalClosed> closed = ClosedYears.find(c, year);
            if (head.isPresent() && current(head.get(), closed)) {
                return new Year(head.get(), closed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the score tables of " + year + ": " + e.getMessage(), e);
        }
        return seed(year);
    }

    private static boolean current(ScoreReads.Head head, Optional<AppraisalClosed> closed) {
        return ScoreReads.current(head, closed.isPresent(), ScoringPolicies.current().version());
    }

    /** Seeds the year's tables with the Scorer (unless another reader just did). */
    public Year seed(int year) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ScoreTables.lockAlone(c);
                Optional<AppraisalClosed> closed = ClosedYears.find(c, year);
                Optional<ScoreReads.Head> head = ScoreReads.head(c, year);
                if (head.isEmpty() || !current(head.get(), closed)) {
                    long started = System.nanoTime();
                    ScoreTable t = ScoreTables.seed(c, year);
                    LOG.infof("year %d seeded with the Scorer: %d members, %d units, %d counted in %d ms", year, t.members().size(),
                            t.units().size(), t.counted().size(), (System.nanoTime() - started) / 1_000_000);
                    head = ScoreReads.head(c, year);
                }
                return new Year(head.orElseThrow(), closed);
            }
        });
    }

    /**
     * The units' table with its head and digest; {@code digestCurrent} false when records are
     * arriving and the digest is of the tables a moment before.
     */
    public record Units(ScoreReads.Head head, List<ScoreTable.UnitScore> units, String digest, boolean digestCurrent) {
    }

    /**
     * The units' table: one statement, the year seeded first if it never was or is stale. The
     * statement reads the head, and the lines only when the year's version is not that of the lines
     * last read (a province's 500 lines: while records arrive their version changes about 4 times a
     * second, and the table may be read far more often).
     */
    public Units units(int year) {
        String policy = ScoringPolicies.current().version();
        Optional<ScoreReads.UnitsRead> read = readUnits(year);
        if (read.isEmpty() || !ScoreReads.current(read.get().head(), read.get().closed(), policy)) {
            seed(year);
            read = readUnits(year);
        }
        ScoreReads.UnitsRead found = read.orElseThrow(() -> new IllegalStateException("year " + year + " was just dropped"));
        Digest digest = digest(found.head());
        return new Units(found.head(), found.units().orElseThrow(), digest.value(), digest.version() == found.head().version());
    }

    /** A year's units' lines as read, and the version of the tables they are of. */
    private record Lines(long version, List<ScoreTable.UnitScore> units) {
    }

    /** No version: {@code score_version} starts at 1. */
    private static final long NO_VERSION = 0;

    /** Per year, the units' lines last read. */
    private final Map<Integer, Lines> lastLines = new ConcurrentHashMap<>();

    /** The units' read with its lines: those last read when the year's version is still theirs, else those the statement read. */
    private Optional<ScoreReads.UnitsRead> readUnits(int year) {
        Lines known = lastLines.get(year);
        return autocommit(c -> ScoreReads.unitsRead(c, year, known == null ? NO_VERSION : known.version())).map(read -> {
            if (read.units().isEmpty()) {
                return new ScoreReads.UnitsRead(read.head(), read.closed(), Optional.of(known.units()));
            }
            lastLines.merge(year, new Lines(read.head().version(), read.units().get()), (a, b) -> a.version() >= b.version() ? a : b);
            return read;
        });
    }

    /** The year's head, the digest of exactly its current tables, and how many members and units they rank. */
    public record Current(Year year, String digest, int members, int units) {
    }

    /** The head of the year and the digest of exactly its current tables (computed now if need be), read in one snapshot. */
    public Current head(int year) {
        Year seeded = year(year);
        return snapshot(c -> {
            ScoreReads.Head head = ScoreReads.head(c, year).orElseThrow(() -> new IllegalStateException("year " + year + " was just dropped"));
            Digest known = digests.get(year);
            Digest digest = known != null && known.version() == head.version() ? known
                    : new Digest(head.version(), ScoreReads.table(c, head, false).digest());
            digests.merge(year, digest, (a, b) -> a.version() > b.version() ? a : b);
            ScoreReads.Sizes sizes = ScoreReads.sizes(c, year);
            return new Current(new Year(head, seeded.closed()), digest.value(), sizes.members(), sizes.units());
        });
    }

    public List<ScoreReads.RosterMember> roster(int year, String unitCode) {
        return snapshot(c -> ScoreReads.roster(c, year, unitCode));
    }

    /** A member's line and the records counted for them, and the year's head. */
    public record Member(ScoreReads.Head head, ScoreTable.MemberScore line, List<ScoreTable.CountedRecord> counted) {
    }

    /**
     * The member's line and counted records, if the member is in the year's table, read in one
     * snapshot of two statements (the year seeded first if it never was or is stale).
     */
    public Optional<Member> member(int year, String memberId) {
        String policy = ScoringPolicies.current().version();
        Optional<MemberSnapshot> read = readMember(year, memberId, policy);
        if (read.isEmpty()) {
            seed(year);
            read = readMember(year, memberId, policy);
        }
        MemberSnapshot found = read.orElseThrow(() -> new IllegalStateException("year " + year + " was just dropped"));
        return found.read().line().map(line -> new Member(found.read().head(), line, found.counted()));
    }

    /** A member's read and their counted records (none when they are not in the table), in one snapshot. */
    private record MemberSnapshot(ScoreReads.MemberRead read, List<ScoreTable.CountedRecord> counted) {
    }

    /** The member's read in one snapshot; empty when the year's tables are not seeded or not current. */
    private Optional<MemberSnapshot> readMember(int year, String memberId, String policy) {
        return snapshot(c -> {
            Optional<ScoreReads.MemberRead> m = ScoreReads.memberRead(c, year, memberId);
            if (m.isEmpty() || !ScoreReads.current(m.get().head(), m.get().closed(), policy)) {
                return Optional.empty();
            }
            return Optional.of(new MemberSnapshot(m.get(),
                    m.get().line().isPresent() ? ScoreReads.counted(c, year, Optional.of(memberId)) : List.of()));
        });
    }

    /** The whole stored table (rosters and counted records too), as the Scorer's {@link ScoreTable}. */
    public ScoreTable table(int year) {
        year(year);
        return snapshot(c -> ScoreReads.table(c, ScoreReads.head(c, year).orElseThrow(), true));
    }

    /**
     * The digest of the year's stored table ({@link ScoreTable#digest()}) as the units' read gives it:
     * the one known (computed now only if none is); a new one is computed in the background if the
     * known is of other tables and either they have been still for a second or it is
     * {@link #BACKGROUND_EVERY_NANOS} old. A read under load never waits for a whole-table hash (a
     * hundred milliseconds at province size; before, a read did whenever the consumer had paused for
     * a second).
     */
    private Digest digest(ScoreReads.Head head) {
        Digest known = digests.get(head.year());
        if (known != null && known.version() == head.version()) {
            return known;
        }
        if (known == null) {
            // the year's first read: of the tables as they are now (the read's own, unless a fact was applied meanwhile)
            Digest now = snapshot(c -> {
                ScoreReads.Head current = ScoreReads.head(c, head.year()).orElseThrow();
                return new Digest(current.version(), ScoreReads.table(c, current, false).digest());
            });
            digests.merge(head.year(), now, (a, b) -> a.version() > b.version() ? a : b);
            return now;
        }
        if ((head.quiet() || System.nanoTime() - known.computedAt() >= BACKGROUND_EVERY_NANOS) && digesting.add(head.year())) {
            digester.execute(() -> {
                try {
                    snapshot(s -> {
                        ScoreReads.Head current = ScoreReads.head(s, head.year()).orElseThrow();
                        Digest fresh = new Digest(current.version(), ScoreReads.table(s, current, false).digest());
                        digests.merge(head.year(), fresh, (a, b) -> a.version() > b.version() ? a : b);
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.warnf("the digest of %d could not be computed: %s", head.year(), e.getMessage());
                } finally {
                    digesting.remove(head.year());
                }
            });
        }
        return known;
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    /**
     * Reads in one repeatable-read transaction: the head, the lines and the digest are of the same
     * state. The isolation is set by the transaction's first statement (sent with its BEGIN), not on
     * the session: two round trips fewer, each a wait for a core under load.
     */
    private <T> T snapshot(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
                T result = read.from(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the score tables: " + e.getMessage(), e);
        }
    }

    /** One statement on a connection of its own (a statement is its own snapshot). */
    private <T> T autocommit(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.from(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the score tables: " + e.getMessage(), e);
        }
    }
}
