package vn.thidua.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.CampaignLaunched;
import vn.thidua.contract.events.LaunchDocument;
import vn.thidua.contract.events.MemberJoinedUnit;
import vn.thidua.contract.events.MemberLeftUnit;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;
import vn.thidua.contract.events.Period;

/** Small cases whose tables were computed by hand from DOMAIN.md's policy v1. */
class ScorerTest {
    private static final LaunchDocument DOC = new LaunchDocument("45/KH-CN-TTR", LocalDate.of(2022, 9, 15), "Phạm Thị Hiền", "KT. GIÁM ĐỐC");

    private static CampaignLaunched campaign(String id, String from, String to, String... units) {
        return new CampaignLaunched(id, CampaignKind.THEMATIC, "Phong trào " + id, "Nội dung", List.of(),
                new Period(LocalDate.parse(from), to == null ? null : LocalDate.parse(to)), DOC, List.of(units));
    }

    private static int seq;

    private static ParticipationRecorded rec(String campaign, String unit, String member, ParticipationKind kind, String day) {
        return new ParticipationRecorded("r" + (++seq), campaign, unit, member, kind, LocalDate.parse(day), "Hoạt động", null);
    }

    private static MemberJoinedUnit join(String member, String unit, String day) {
        return new MemberJoinedUnit(member, "Cán bộ " + member, null, unit, LocalDate.parse(day));
    }

    /** The worked example: caps, a move between units, the leave date, non-recipients, periods, other years. */
    private static LogFacts example() {
        LogFacts facts = new LogFacts()
                .campaign(campaign("A", "2023-01-01", "2023-12-31", "VP", "TTR"))
                .campaign(campaign("B", "2022-09-15", "2023-06-11", "VP"))
                .joined(join("m1", "VP", "2022-01-01"))
                .joined(join("m2", "VP", "2023-03-01"))
                .left(new MemberLeftUnit("m2", "Cán bộ m2", "VP", LocalDate.parse("2023-07-01")))
                .joined(join("m3", "TTR", "2020-01-01"))
                .joined(join("m2", "TTR", "2023-07-01"));
        for (int i = 0; i < 4; i++) {
            facts.record(rec("A", "VP", "m1", ParticipationKind.INITIATIVE, "2023-02-0" + (i + 1)));   // 40 → capped at 30
        }
        facts.record(rec("B", "VP", "m1", ParticipationKind.ACHIEVEMENT, "2023-03-03"))              // 5
                .record(rec("A", "VP", "m2", ParticipationKind.ACTIVITY, "2023-03-01"))             // 2, join day counts
                .record(rec("A", "VP", "m2", ParticipationKind.ACTIVITY, "2023-07-01"))             // refused: leave day is off the roster
                .record(rec("A", "TTR", "m2", ParticipationKind.ACTIVITY, "2023-07-01"))            // 2, under the new unit
                .record(rec("B", "TTR", "m3", ParticipationKind.ACTIVITY, "2023-02-01"))            // refused: TTR not a recipient of B
                .record(rec("A", "TTR", null, ParticipationKind.REGISTERED, "2023-01-05"))          // TTR's own: 1
                .record(rec("A", "VP", null, ParticipationKind.ACTIVITY, "2023-12-31"))             // VP's own: 2
                .record(rec("B", "VP", "m1", ParticipationKind.ACTIVITY, "2023-06-12"))             // refused: after B ended
                .record(rec("A", "VP", "m1", ParticipationKind.ACTIVITY, "2022-12-31"))             // another year: not in 2023 at all
                .record(rec("C", "VP", "m1", ParticipationKind.ACTIVITY, "2023-04-04"));            // refused: C never launched
        return facts;
    }

    @Test
    void members_score_the_capped_points_of_each_campaign_whatever_the_unit() {
        ScoreTable table = Scorer.score(2023, example(), ScoringPolicies.current());

        assertThat(table.members()).containsExactly(
                new ScoreTable.MemberScore(1, "m1", "Cán bộ m1", 35),
                new ScoreTable.MemberScore(2, "m2", "Cán bộ m2", 4),
                new ScoreTable.MemberScore(3, "m3", "Cán bộ m3", 0));
    }

    @Test
    void units_score_the_roster_average_plus_their_own_points_and_coverage() {
        ScoreTable table = Scorer.score(2023, example(), ScoringPolicies.current());

        // VP: roster {m1, m2}: (35 + 2) / 2 + 2 = 20.50, both have records: 1.00
        // TTR: roster {m2, m3}: (2 + 0) / 2 + 1 = 2.00, one of two: 0.50
        assertThat(table.units()).containsExactly(
                new ScoreTable.UnitScore(1, "VP", new BigDecimal("20.50"), new BigDecimal("1.00"), 2, 2, 2,
                        List.of(new ScoreTable.RosterPoints("m1", 35), new ScoreTable.RosterPoints("m2", 2))),
                new ScoreTable.UnitScore(2, "TTR", new BigDecimal("2.00"), new BigDecimal("0.50"), 1, 2, 1,
                        List.of(new ScoreTable.RosterPoints("m2", 2), new ScoreTable.RosterPoints("m3", 0))));
    }

    @Test
    void only_records_that_meet_every_rule_count() {
        ScoreTable table = Scorer.score(2023, example(), ScoringPolicies.current());

        assertThat(table.counted()).hasSize(9);
        assertThat(table.refused()).isEqualTo(4);
        assertThat(table.counted()).extracting(ScoreTable.CountedRecord::points).containsOnly(10, 5, 2, 1);
    }

    @Test
    void decimals_round_half_up_to_two_places() {
        LogFacts facts = new LogFacts().campaign(campaign("A", "2024-01-01", null, "KHTC"))
                .joined(join("a", "KHTC", "2024-01-01")).joined(join("b", "KHTC", "2024-01-01")).joined(join("c", "KHTC", "2024-01-01"))
                .record(rec("A", "KHTC", "a", ParticipationKind.ACHIEVEMENT, "2024-05-05"))   // 5 / 3 = 1.666… → 1.67
                .record(rec("A", "KHTC", "b", ParticipationKind.REGISTERED, "2024-05-05"));   // + 1 → 6 / 3 = 2.00; coverage 2/3 → 0.67
        ScoreTable table = Scorer.score(2024, facts, ScoringPolicies.current());

        assertThat(table.units().get(0).score()).isEqualByComparingTo("2.00");
        assertThat(table.units().get(0).coverage()).isEqualTo(new BigDecimal("0.67"));

        LogFacts third = new LogFacts().campaign(campaign("A", "2024-01-01", null, "KHTC"))
                .joined(join("a", "KHTC", "2024-01-01")).joined(join("b", "KHTC", "2024-01-01")).joined(join("c", "KHTC", "2024-01-01"))
                .record(rec("A", "KHTC", "a", ParticipationKind.ACHIEVEMENT, "2024-05-05"));
        ScoreTable one = Scorer.score(2024, third, ScoringPolicies.current());
        assertThat(one.units().get(0).score()).isEqualTo(new BigDecimal("1.67"));
        assertThat(one.units().get(0).coverage()).isEqualTo(new BigDecimal("0.33"));
    }

    @Test
    void an_empty_roster_gives_just_the_collective_points_and_ties_break_by_coverage_then_code() {
        LogFacts facts = new LogFacts().campaign(campaign("A", "2024-01-01", "2024-12-31", "VP", "TTR", "QLKH"))
                .record(rec("A", "VP", null, ParticipationKind.ACHIEVEMENT, "2024-03-03"))
                .record(rec("A", "TTR", null, ParticipationKind.ACHIEVEMENT, "2024-03-03"))
                .joined(join("x", "QLKH", "2024-01-01"))
                .record(rec("A", "QLKH", "x", ParticipationKind.ACHIEVEMENT, "2024-03-03"));
        ScoreTable table = Scorer.score(2024, facts, ScoringPolicies.current());

        // all three score 5.00; QLKH has coverage 1.00, the others 0.00 and are ordered by code
        assertThat(table.units()).extracting(ScoreTable.UnitScore::unitCode).containsExactly("QLKH", "TTR", "VP");
        assertThat(table.units().get(2).score()).isEqualTo(new BigDecimal("5.00"));
        assertThat(table.units().get(2).coverage()).isEqualTo(new BigDecimal("0.00"));
        assertThat(table.units().get(2).rosterSize()).isZero();
    }

    @Test
    void the_digest_depends_on_the_facts_not_on_their_arrival_order() {
        List<ParticipationRecorded> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(rec("A", i % 2 == 0 ? "VP" : "TTR", "m" + (i % 5), ParticipationKind.values()[i % 4], "2023-0" + (1 + i % 9) + "-10"));
        }
        LogFacts inOrder = base();
        records.forEach(inOrder::record);
        List<ParticipationRecorded> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new java.util.Random(42));
        LogFacts outOfOrder = base();
        shuffled.forEach(outOfOrder::record);

        ScoreTable a = Scorer.score(2023, inOrder, ScoringPolicies.current());
        ScoreTable b = Scorer.score(2023, outOfOrder, ScoringPolicies.current());
        assertThat(a.digest()).isEqualTo(b.digest()).hasSize(64);

        LogFacts oneMore = base();
        records.forEach(oneMore::record);
        oneMore.record(rec("A", "VP", "m0", ParticipationKind.ACTIVITY, "2023-11-11"));
        assertThat(Scorer.score(2023, oneMore, ScoringPolicies.current()).digest()).isNotEqualTo(a.digest());
    }

    @Test
    void the_canonical_table_is_sorted_compact_json_with_decimal_strings() {
        String json = Scorer.score(2023, example(), ScoringPolicies.current()).canonicalJson();
        assertThat(json).startsWith("{\"members\":[{\"fullName\":\"Cán bộ m1\",\"memberId\":\"m1\",\"rank\":1,\"score\":35}")
                .contains("\"score\":\"20.50\"").contains("\"coverage\":\"0.50\"").endsWith("\"year\":2023}");
    }

    private static LogFacts base() {
        LogFacts facts = new LogFacts().campaign(campaign("A", "2023-01-01", "2023-12-31", "VP", "TTR"));
        for (int m = 0; m < 5; m++) {
            facts.joined(join("m" + m, m % 2 == 0 ? "VP" : "TTR", "2022-01-01"));
            facts.joined(join("m" + m, m % 2 == 0 ? "TTR" : "VP", "2022-01-01"));
        }
        return facts;
    }

    @Test
    void the_canonical_json_is_rfc_8785_as_the_reference_library_writes_it() throws Exception {
        LogFacts facts = example().joined(join("m\"9", "VP", "2023-01-01"));
        facts.joined(new MemberJoinedUnit("m10", "Ngô \"Bảy\"\n\u0001 ⟨Thanh⟩ 😀", null, "VP", LocalDate.parse("2023-02-01")));
        String json = Scorer.score(2023, facts, ScoringPolicies.current()).canonicalJson();
        assertThat(new org.erdtman.jcs.JsonCanonicalizer(json).getEncodedString()).isEqualTo(json);
    }

    /**
     * The canonical JSON written without a tree is the one the reference library makes of the table
     * as a JSON tree (so digests of years closed before stay as they were), and the digest hashed as
     * it is written is the hash of that text, across many of its chunks and names with emoji.
     */
    @Test
    void the_digest_hashed_as_written_is_the_hash_of_the_canonical_json_of_the_table_as_a_tree() throws Exception {
        LogFacts facts = example();
        for (int m = 0; m < 3_000; m++) {
            facts.joined(new MemberJoinedUnit("n" + m, (m % 7 == 0 ? "Lò Văn 😀 " : "Hoàng Thị Ngọc Ánh \"") + m, null, m % 2 == 0 ? "VP" : "TTR",
                    LocalDate.parse("2023-02-01")));
        }
        ScoreTable table = Scorer.score(2023, facts, ScoringPolicies.current());
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        root.put("year", table.year());
        root.put("policyVersion", table.policyVersion());
        com.fasterxml.jackson.databind.node.ArrayNode members = root.putArray("members");
        table.members().forEach(s -> members.addObject().put("rank", s.rank()).put("memberId", s.memberId()).put("fullName", s.fullName())
                .put("score", s.score()));
        com.fasterxml.jackson.databind.node.ArrayNode units = root.putArray("units");
        table.units().forEach(s -> units.addObject().put("rank", s.rank()).put("unitCode", s.unitCode()).put("score", s.score().toPlainString())
                .put("coverage", s.coverage().toPlainString()).put("collectivePoints", s.collectivePoints()).put("rosterSize", s.rosterSize())
                .put("membersWithRecords", s.membersWithRecords()));
        String asTree = new org.erdtman.jcs.JsonCanonicalizer(mapper.writeValueAsString(root)).getEncodedString();

        assertThat(table.canonicalJson()).isEqualTo(asTree).hasSizeGreaterThan(5 * 16 * 1024);
        assertThat(table.digest()).isEqualTo(vn.thidua.contract.chain.HashChain.sha256Hex(asTree));
    }
}
