package vn.thidua.evaluation.score;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.evaluation.appraisal.AppraisalRows;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.scoring.Watermark;
import vn.thidua.kit.consumer.Delivered;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.scoring.ScoringPolicy;

/**
 * The score tables per year, kept in PostgreSQL and recomputed with the shared {@link Scorer} when
 * the facts they rest on have changed and someone reads them. An open year is scored over every fact
 * applied; a closed year over the facts before its watermark, so it stays as it was closed.
 */
@ApplicationScoped
public class ScoreService {
    private static final Logger LOG = Logger.getLogger(ScoreService.class);

    /** A year's table and where it stands. */
    public record YearTable(ScoreTable table, Optional<AppraisalClosed> closed) {
        public String status() {
            return closed.isPresent() ? "CLOSED" : "OPEN";
        }
    }

    private final FactStore facts;
    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong everyYear = new AtomicLong();
    private final Map<Integer, AtomicLong> perYear = new ConcurrentHashMap<>();
    private final Map<Integer, long[]> computedAt = new ConcurrentHashMap<>();
    private final Map<Integer, YearTable> cache = new ConcurrentHashMap<>();

    public ScoreService(FactStore facts, DataSource dataSource, Clock clock) {
        this.facts = facts;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Called after each consumer batch commits: marks the tables those events can change. */
    public void changed(List<Delivered> batch) {
        for (Delivered d : batch) {
            if (d.event().event() instanceof ParticipationRecorded r) {
                perYear.computeIfAbsent(r.occurredOn().getYear(), y -> new AtomicLong()).incrementAndGet();
            } else {
                // a campaign, a roster change or a close can change any year
                everyYear.incrementAndGet();
            }
        }
    }

    /** Forgets every computed table (after a rebuild of the facts). */
    public void forgetAll() {
        everyYear.incrementAndGet();
        cache.clear();
        computedAt.clear();
    }

    /** The year's table, recomputed first if facts changed since it was computed. */
    public synchronized YearTable table(int year) {
        long all = everyYear.get();
        long mine = perYear.computeIfAbsent(year, y -> new AtomicLong()).get();
        long[] seen = computedAt.get(year);
        YearTable cached = cache.get(year);
        if (cached != null && seen != null && seen[0] == all && seen[1] == mine) {
            return cached;
        }
        long started = System.nanoTime();
        Optional<AppraisalClosed> closed = closedYear(year);
        Watermark cut = closed.map(c -> Watermark.of(c.watermark())).orElse(Watermark.ALL);
        ScoringPolicy policy = closed.map(c -> ScoringPolicies.of(c.policyVersion())).orElse(ScoringPolicies.current());
        ScoreTable table = Scorer.score(year, facts.load(year, cut), policy);
        YearTable result = new YearTable(table, closed);
        persist(result);
        if (closed.isPresent() && !closed.get().digest().equals(table.digest())) {
            LOG.errorf("year %d: the table recomputed at its watermark has digest %s, the close says %s", year, table.digest(),
                    closed.get().digest());
        }
        cache.put(year, result);
        computedAt.put(year, new long[] {all, mine});
        LOG.debugf("year %d scored: %d members, %d units, %d counted in %d ms", year, table.members().size(), table.units().size(),
                table.counted().size(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** The table of {@code year} over the facts before {@code cut} (for closing). */
    public ScoreTable tableAt(int year, Watermark cut) {
        return Scorer.score(year, facts.load(year, cut), ScoringPolicies.current());
    }

    public Optional<AppraisalClosed> closedYear(int year) {
        try (Connection c = dataSource.getConnection()) {
            return AppraisalRows.find(c, year);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void persist(YearTable result) {
        ScoreTable t = result.table();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                for (String table : List.of("score_member", "score_unit", "counted_record")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE year = ?")) {
                        s.setInt(1, t.year());
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO score_member (year, member_id, full_name, score, rank) VALUES (?, ?, ?, ?, ?)")) {
                    for (ScoreTable.MemberScore m : t.members()) {
                        s.setInt(1, t.year());
                        s.setString(2, m.memberId());
                        s.setString(3, m.fullName());
                        s.setInt(4, m.score());
                        s.setInt(5, m.rank());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO score_unit (year, unit_code, score, coverage, collective_points, roster_size, members_with_records, rank)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (ScoreTable.UnitScore u : t.units()) {
                        s.setInt(1, t.year());
                        s.setString(2, u.unitCode());
                        s.setBigDecimal(3, u.score());
                        s.setBigDecimal(4, u.coverage());
                        s.setInt(5, u.collectivePoints());
                        s.setInt(6, u.rosterSize());
                        s.setInt(7, u.membersWithRecords());
                        s.setInt(8, u.rank());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                // the records that counted are stored once a year is closed (frozen); an open year's change with every record
                // that arrives, and rewriting a province's 600,000 rows each time would cost more than the scoring itself
                // (an open year's records are served from the table computed last)
                if (result.closed().isPresent()) {
                    try (PreparedStatement s = c.prepareStatement("""
                            INSERT INTO counted_record (year, record_id, campaign_id, unit_code, member_id, kind, occurred_on, points)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                        int n = 0;
                        for (ScoreTable.CountedRecord r : t.counted()) {
                            s.setInt(1, t.year());
                            s.setString(2, r.recordId());
                            s.setString(3, r.campaignId());
                            s.setString(4, r.unitCode());
                            s.setString(5, r.memberId());
                            s.setString(6, r.kind().name());
                            s.setObject(7, r.occurredOn());
                            s.setInt(8, r.points());
                            s.addBatch();
                            if (++n % 5000 == 0) {
                                s.executeBatch();
                            }
                        }
                        s.executeBatch();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO score_year (year, status, policy_version, digest, counted, refused, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, policy_version = EXCLUDED.policy_version,
                        digest = EXCLUDED.digest, counted = EXCLUDED.counted, refused = EXCLUDED.refused, computed_at = EXCLUDED.computed_at""")) {
                    s.setInt(1, t.year());
                    s.setString(2, result.status());
                    s.setString(3, t.policyVersion());
                    s.setString(4, t.digest());
                    s.setLong(5, t.counted().size());
                    s.setLong(6, t.refused());
                    s.setTimestamp(7, Timestamp.from(clock.instant()));
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store the score table of " + t.year() + ": " + e.getMessage(), e);
            }
        });
    }
}
