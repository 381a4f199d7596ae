package vn.thidua.evaluation.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.AppraisalClosed;
import vn.thidua.contract.events.AppraisalCounts;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Period;
import vn.thidua.contract.events.ThiduaEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.evaluation.facts.ClosedYears;
import vn.thidua.evaluation.facts.FactStore;
import vn.thidua.evaluation.facts.FactsConsumer;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.scoring.Watermark;
import vn.thidua.testsupport.PostgresServer;
import vn.thidua.testsupport.RealServers;

/**
 * Property: after every step of a random log, the score tables the consumer keeps up to date equal
 * the {@link Scorer}'s table over the same facts (a closed year's up to its watermark). 200 logs from
 * a fixed seed, on a real PostgreSQL with the service's migrations: joins, leaves, moves between
 * units, records on the edges of periods, stays and years, caps, campaigns launched after their
 * records, redeliveries, closes and late records; events applied one by one or several per
 * transaction; the tables seeded at a random step.
 */
class IncrementalTablesPropertyTest {
    private static final int LOGS = 200;
    private static final long SEED = 20261126L;
    private static final int PARTITIONS = 3;
    private static final List<String> UNITS = List.of("VP", "TTR", "KHTC", "QLCL");
    private static final List<String> MEMBERS = List.of("m1", "m2", "m3", "m4", "m5", "m6");
    private static final List<Integer> YEARS = List.of(2023, 2024);
    private static final LaunchDocument DOC = new LaunchDocument("45/KH-SKHCN", LocalDate.of(2022, 12, 1), "Phạm Thị Hiền", "GIÁM ĐỐC");

    private static String url;
    private static PostgresServer pg;
    private final ScoreTables tables = new ScoreTables();
    /** What the checks saw, so that the property is not proved over empty tables. */
    private long countedSeen;
    private long refusedSeen;
    private long rosterSeen;
    /** Every version of a year's tables seen, over all the logs (rebuilds between them), with its units' lines. */
    private final Map<Long, List<ScoreTable.UnitScore>> linesOfVersion = new HashMap<>();

    @BeforeAll
    static void database() {
        pg = RealServers.postgres();
        url = pg.createDatabase("incremental_scores_property");
        Flyway.configure().dataSource(url, pg.username(), pg.password()).locations("classpath:db/kit", "classpath:db/migration")
                .cleanDisabled(false).load().migrate();
    }

    /** One random log being applied: its events so far, its offsets, its open stays. */
    private final class Log {
        final Random random;
        final Connection c;
        final Map<String, Long> next = new HashMap<>();
        final List<Object[]> applied = new ArrayList<>(); // {topic, Placed}
        final Map<String, CampaignLaunched> campaigns = new TreeMap<>();
        final List<CampaignLaunched> unlaunched = new ArrayList<>();
        final Map<String, String> onUnit = new HashMap<>(); // member → unit with an open stay
        final Map<String, LocalDate> joinedOn = new HashMap<>();
        final Map<Integer, AppraisalClosed> closed = new HashMap<>();
        boolean seeded;
        int records;

        Log(Random random, Connection c) {
            this.random = random;
            this.c = c;
        }

        LocalDate day() {
            int year = YEARS.get(random.nextInt(YEARS.size()));
            return switch (random.nextInt(4)) {
                case 0 -> LocalDate.of(year, 1, 1);
                case 1 -> LocalDate.of(year, 12, 31);
                default -> LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            };
        }

        /** A day near something that matters: a period's edge, a join day, a year's edge. */
        LocalDate edgeDay(CampaignLaunched campaign, String member) {
            List<LocalDate> edges = new ArrayList<>(List.of(day(), campaign.period().from(), campaign.period().from().minusDays(1)));
            if (campaign.period().to() != null) {
                edges.add(campaign.period().to());
                edges.add(campaign.period().to().plusDays(1));
            }
            if (member != null && joinedOn.containsKey(member)) {
                edges.add(joinedOn.get(member));
            }
            return edges.get(random.nextInt(edges.size()));
        }

        FactStore.Placed place(Topic topic, String key, ThiduaEvent event) {
            int partition = Math.floorMod(key.hashCode(), PARTITIONS);
            String tp = topic.address() + "|" + partition;
            long offset = next.merge(tp, 1L, Long::sum) - 1;
            return new FactStore.Placed(partition, offset, "ev-" + tp + "-" + offset, event);
        }

        /** Applies events in one transaction as the consumer does: facts, tables, positions. */
        void apply(List<Object[]> events) throws SQLException {
            List<FactStore.Placed> placed = new ArrayList<>();
            for (Object[] e : events) {
                placed.add((FactStore.Placed) e[1]);
            }
            tables.applied(FactStore.store(placed, c), c);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO consumer_position (consumer, topic, partition_no, next_offset) VALUES (?, ?, ?, ?)
                    ON CONFLICT (consumer, topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
                for (Map.Entry<String, Long> e : next.entrySet()) {
                    String[] tp = e.getKey().split("\\|");
                    s.setString(1, FactsConsumer.NAME);
                    s.setString(2, tp[0]);
                    s.setInt(3, Integer.parseInt(tp[1]));
                    s.setLong(4, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
            applied.addAll(events);
        }

        Object[] event(Topic topic, String key, ThiduaEvent event) {
            return new Object[] {topic, place(topic, key, event)};
        }

        /** The next random event(s) of the log; a move is a leave and a join. */
        List<Object[]> nextEvents() {
            int dice = random.nextInt(100);
            if (dice < 8 && !unlaunched.isEmpty()) {
                CampaignLaunched l = unlaunched.remove(random.nextInt(unlaunched.size()));
                campaigns.put(l.campaignId(), l);
                return List.<Object[]>of(event(Topic.CAMPAIGN, l.campaignId(), l));
            }
            if (dice < 22) {
                String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
                String unit = UNITS.get(random.nextInt(UNITS.size()));
                String from = onUnit.get(member);
                LocalDate day = day();
                List<Object[]> out = new ArrayList<>();
                if (from != null) {
                    // a move (or a leave and a join again on the same unit)
                    out.add(event(Topic.ROSTER, from, new MemberLeftUnit(member, "Cán bộ " + member, from, day)));
                }
                if (from == null || random.nextBoolean()) {
                    out.add(event(Topic.ROSTER, unit, new MemberJoinedUnit(member, name(member), null, unit, day)));
                    onUnit.put(member, unit);
                    joinedOn.put(member, day);
                } else {
                    onUnit.remove(member);
                }
                return out;
            }
            if (dice < 27 && !applied.isEmpty()) {
                // a redelivery: an event applied before, at a new offset (a re-send keeps the event id)
                Object[] again = applied.get(random.nextInt(applied.size()));
                FactStore.Placed p = (FactStore.Placed) again[1];
                FactStore.Placed moved = place((Topic) again[0], p.event().partitionKey(), p.event());
                return List.<Object[]>of(new Object[] {again[0], new FactStore.Placed(moved.partition(), moved.offset(), p.eventId(), p.event())});
            }
            List<CampaignLaunched> all = new ArrayList<>(campaigns.values());
            all.addAll(unlaunched);
            CampaignLaunched campaign = all.get(random.nextInt(all.size()));
            List<String> recipients = campaign.recipientUnitCodes();
            String unit = random.nextInt(6) == 0 ? UNITS.get(random.nextInt(UNITS.size())) : recipients.get(random.nextInt(recipients.size()));
            String member = null;
            if (random.nextInt(8) != 0) {
                member = MEMBERS.get(random.nextInt(MEMBERS.size()));
                String on = onUnit.get(member);
                if (on != null && random.nextInt(4) != 0) {
                    unit = on;
                }
            }
            ParticipationKind kind = ParticipationKind.values()[random.nextInt(ParticipationKind.values().length)];
            records++;
            return List.<Object[]>of(event(Topic.PARTICIPATION, unit, new ParticipationRecorded("rec-" + records, campaign.campaignId(), unit, member,
                    kind, edgeDay(campaign, member), "Hoạt động " + records, null)));
        }

        String name(String member) {
            return (random.nextBoolean() ? "Nguyễn Văn " : "Trần Thị ") + member;
        }

        void seed() throws SQLException {
            ScoreTables.lockAlone(c);
            for (int year : YEARS) {
                ScoreTables.seed(c, year);
            }
            c.commit();
            seeded = true;
        }

        /** Closes a year as AppraisalService does: the watermark is the positions, the table the Scorer's below it. */
        void close(int year) throws SQLException {
            ScoreTables.lockAlone(c);
            List<PartitionOffset> watermark = FactsConsumer.watermark(c);
            ScoreTable table = Scorer.score(year, FactStore.load(c, year, Watermark.of(watermark)), ScoringPolicies.current());
            AppraisalClosed close = new AppraisalClosed(year, table.policyVersion(), table.digest(), watermark,
                    new AppraisalCounts(table.members().size(), table.units().size(), table.counted().size(), table.refused()), "Hội đồng",
                    Instant.parse("2025-01-05T02:00:00Z"));
            ClosedYears.upsert(c, close);
            ScoreTables.write(c, table, ScoreTables.CLOSED);
            c.commit();
            closed.put(year, close);
            // the close read back from its topic later: a no-op
            apply(List.<Object[]>of(event(Topic.APPRAISAL, Integer.toString(year), close)));
        }

        void assertTablesEqualTheScorer(String step) throws SQLException {
            if (!seeded) {
                return;
            }
            for (int year : YEARS) {
                AppraisalClosed close = closed.get(year);
                Watermark cut = close == null ? Watermark.ALL : Watermark.of(close.watermark());
                ScoreTable expected = Scorer.score(year, FactStore.load(c, year, cut), ScoringPolicies.current());
                ScoreReads.Head head = ScoreReads.head(c, year).orElseThrow();
                ScoreTable stored = ScoreReads.table(c, head, true);
                ScoreReads.Sizes sizes = ScoreReads.sizes(c, year);
                c.commit();
                assertThat(head.status()).as(step).isEqualTo(close == null ? ScoreTables.OPEN : ScoreTables.CLOSED);
                assertThat(sizes).as(step).isEqualTo(new ScoreReads.Sizes(expected.members().size(), expected.units().size()));
                assertThat(stored.members()).as(step + ": members of " + year).isEqualTo(expected.members());
                for (ScoreTable.MemberScore m : expected.members()) {
                    assertThat(ScoreReads.member(c, year, m.memberId())).as(step + ": the line of " + m.memberId() + " in " + year).contains(m);
                }
                // the units' read (ScoreService keeps the lines last read, and skips reading them while the version is theirs)
                ScoreReads.UnitsRead read = ScoreReads.unitsRead(c, year, 0).orElseThrow();
                ScoreReads.UnitsRead unchanged = ScoreReads.unitsRead(c, year, read.head().version()).orElseThrow();
                c.commit();
                assertThat(read.units()).as(step + ": units' read of " + year).contains(expected.units().stream()
                        .map(u -> new ScoreTable.UnitScore(u.rank(), u.unitCode(), u.score(), u.coverage(), u.collectivePoints(), u.rosterSize(),
                                u.membersWithRecords(), List.of())).toList());
                assertThat(unchanged.units()).as(step + ": no lines read for the version held").isEmpty();
                assertThat(linesOfVersion.putIfAbsent(read.head().version(), read.units().orElseThrow()))
                        .as(step + ": a version names one table, never two").isIn(null, read.units().orElseThrow());
                assertThat(stored.units()).as(step + ": units of " + year).isEqualTo(expected.units());
                assertThat(sorted(stored.counted())).as(step + ": counted records of " + year).isEqualTo(sorted(expected.counted()));
                assertThat(stored.refused()).as(step + ": refused in " + year).isEqualTo(expected.refused());
                countedSeen += stored.counted().size();
                refusedSeen += stored.refused();
                rosterSeen += stored.units().stream().mapToInt(ScoreTable.UnitScore::rosterSize).sum();
                assertThat(stored.digest()).as(step).isEqualTo(expected.digest());
                if (close != null) {
                    assertThat(stored.digest()).as(step + ": the closed year keeps its close's digest").isEqualTo(close.digest());
                }
            }
        }
    }

    private static List<ScoreTable.CountedRecord> sorted(List<ScoreTable.CountedRecord> records) {
        return records.stream().sorted(Comparator.comparing(ScoreTable.CountedRecord::recordId)).toList();
    }

    private static CampaignLaunched campaign(Random random, int i) {
        LocalDate from = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(500) - 60);
        LocalDate to = random.nextInt(4) == 0 ? null : from.plusDays(random.nextInt(400));
        List<String> recipients = new ArrayList<>();
        for (String unit : UNITS) {
            if (random.nextInt(3) != 0) {
                recipients.add(unit);
            }
        }
        if (recipients.isEmpty()) {
            recipients.add(UNITS.get(0));
        }
        return new CampaignLaunched("C" + i, CampaignKind.THEMATIC, "Phong trào " + i, "Nội dung", List.of(), new Period(from, to), DOC,
                recipients);
    }

    @Test
    void the_incremental_tables_equal_the_scorer_after_every_step_of_200_random_logs() throws Exception {
        int steps = 0;
        int closes = 0;
        for (int log = 0; log < LOGS; log++) {
            Random random = new Random(SEED + log);
            try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password())) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE consumer_position");
                    ProjectionRebuild.dropReadModel(c);
                }
                c.commit();
                Log l = new Log(random, c);
                int campaigns = 1 + random.nextInt(3);
                for (int i = 0; i < campaigns; i++) {
                    l.unlaunched.add(campaign(random, i));
                }
                int length = 20 + random.nextInt(25);
                int seedAt = random.nextInt(length / 2 + 1);
                for (int step = 0; step < length; step++) {
                    String where = "log " + log + " (seed " + (SEED + log) + "), step " + step;
                    if (step == seedAt) {
                        l.seed();
                        l.assertTablesEqualTheScorer(where + " after seeding");
                    }
                    if (l.seeded && random.nextInt(25) == 0) {
                        int year = YEARS.get(random.nextInt(YEARS.size()));
                        if (!l.closed.containsKey(year)) {
                            l.close(year);
                            closes++;
                            l.assertTablesEqualTheScorer(where + " after closing " + year);
                        }
                    }
                    // one event per transaction, or a few together as a consumer batch does
                    List<Object[]> batch = new ArrayList<>(l.nextEvents());
                    while (random.nextInt(3) == 0) {
                        batch.addAll(l.nextEvents());
                    }
                    l.apply(batch);
                    steps++;
                    l.assertTablesEqualTheScorer(where + " after " + batch.stream().map(e -> ((FactStore.Placed) e[1]).event().toString())
                            .toList());
                }
            }
        }
        assertThat(steps).isGreaterThan(LOGS * 20);
        assertThat(closes).as("some logs close a year").isGreaterThan(LOGS / 4);
        assertThat(countedSeen).as("records counted").isGreaterThan(steps);
        assertThat(refusedSeen).as("records refused").isGreaterThan(steps / 10);
        assertThat(rosterSeen).as("members on rosters").isGreaterThan(steps);
    }
}
