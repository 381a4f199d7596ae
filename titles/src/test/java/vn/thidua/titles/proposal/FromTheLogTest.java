package vn.thidua.titles.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.Rating;
import vn.thidua.scoring.LogFacts;
import vn.thidua.scoring.ScoreTable;
import vn.thidua.scoring.Scorer;
import vn.thidua.scoring.ScoringPolicies;
import vn.thidua.titles.input.MemberYear;
import vn.thidua.titles.input.Participation;
import vn.thidua.titles.input.PersonnelFile;
import vn.thidua.titles.input.UnitYear;
import vn.thidua.titles.input.YearInputs;
import vn.thidua.titles.rules.Criterion;
import vn.thidua.titles.rules.Title;

/** The inputs taken from scoring's table of the year, and proposals that depend on the facts only, never on their order. */
class FromTheLogTest {

    private static PersonnelFile file(String recruitedOn, Rating rating) {
        return new PersonnelFile(LocalDate.parse(recruitedOn), rating, List.of(), List.of(), List.of(), List.of(), new TreeSet<>());
    }

    /** m1 recruited 15/06/2025 into VP, moved to TTR on 01/09/2025; m2 on TTR since 2020 with no record. */
    private static ScoreTable table() {
        LogFacts facts = new LogFacts()
                .campaign("A", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of("VP", "TTR"))
                .joined("VP", "m1", "Hoàng Văn Minh", LocalDate.of(2025, 6, 15))
                .left("VP", "m1", LocalDate.of(2025, 9, 1))
                .joined("TTR", "m1", "Hoàng Văn Minh", LocalDate.of(2025, 9, 1))
                .joined("TTR", "m2", "Đỗ Thị Hoa", LocalDate.of(2020, 2, 1))
                .record("r1", "A", "VP", "m1", ParticipationKind.ACTIVITY, LocalDate.of(2025, 7, 1))
                .record("r2", "A", "TTR", "m1", ParticipationKind.INITIATIVE, LocalDate.of(2025, 10, 1))
                .record("r3", "A", "VP", "m1", ParticipationKind.ACTIVITY, LocalDate.of(2025, 9, 2));   // off VP's roster: not counted
        return Scorer.score(2025, facts, ScoringPolicies.current());
    }

    @Test
    void rosters_and_participation_come_from_the_score_table_and_a_move_keeps_the_recruitment_date() {
        YearInputs in = YearInputs.from(table(), Cases.REVIEW,
                Map.of("m1", file("2025-06-15", Rating.GOOD), "m2", file("2020-02-01", Rating.GOOD)), Map.of("VP", Rating.GOOD, "TTR", Rating.GOOD));

        assertThat(in.members()).extracting(MemberYear::memberId, MemberYear::units, MemberYear::participation).containsExactly(
                tuple("m1", List.of("TTR", "VP"), new Participation(2, 1)),
                tuple("m2", List.of("TTR"), Participation.NONE));
        assertThat(in.units()).extracting(UnitYear::unitCode, UnitYear::roster).containsExactly(
                tuple("TTR", List.of("m1", "m2")),
                tuple("VP", List.of("m1")));

        Proposals p = Proposer.propose(in, Cases.DEFAULT);
        // joined TTR on 01/09, but recruited on 15/06: six months served by the year end
        assertThat(p.member("m1").title(Title.ADVANCED_WORKER).result(Criterion.ADVANCED_WORKER_SERVICE_TIME).text())
                .isEqualTo("đạt: tuyển dụng ngày 15/06/2025, đủ 6 tháng đến hết năm 2025 — TT 01/2024 Điều 1 k.5 điểm d");
        assertThat(p.member("m1").title(Title.BASE_EMULATION_FIGHTER).result(Criterion.BASE_FIGHTER_DISTINCTION).text())
                .isEqualTo("đạt: 1 sáng kiến được công nhận — Luật TĐKT 2022 Điều 23");
        assertThat(p.member("m1").title(Title.BASE_EMULATION_FIGHTER).proposed()).isTrue();
        assertThat(p.member("m2").title(Title.ADVANCED_WORKER).result(Criterion.ADVANCED_WORKER_PARTICIPATION).outcome())
                .isEqualTo(Outcome.NOT_MET);
        assertThat(p.unit("TTR").title(Title.ADVANCED_COLLECTIVE).result(Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE).text())
                .isEqualTo("đạt: 1/2 người (50%) đạt Lao động tiên tiến, cần từ 50% — Luật TĐKT 2022 Điều 28");
        assertThat(p.unit("VP").title(Title.ADVANCED_COLLECTIVE).proposed()).isTrue();
        assertThat(p.ruleSetVersion()).isEqualTo("tdkt-2022-nd152-2025.1");
    }

    @Test
    void a_member_with_no_personnel_file_is_listed_and_refused_for_want_of_a_rating_and_a_recruitment_date() {
        Proposals p = Proposer.propose(YearInputs.from(table(), Cases.REVIEW, Map.of(), Map.of()), Cases.DEFAULT);

        assertThat(p.member("m1").title(Title.ADVANCED_WORKER).criteria()).extracting(CriterionResult::outcome)
                .containsExactly(Outcome.NOT_MET, Outcome.MET, Outcome.NOT_MET, Outcome.MET);
    }

    @Test
    void the_same_facts_in_any_order_and_any_normalisation_give_the_same_proposals_in_nfc() {
        List<Cases.M> members = new ArrayList<>();
        String[] names = {"Nguyễn Thị Thu Hà", "Trần Đức Thắng", "Lê Hoàng Yến", "Phạm Quốc Việt", "Vũ Thị Ngọc Ánh"};
        for (int i = 0; i < names.length; i++) {
            Cases.M m = Cases.m("m" + (5 - i)).name(names[i]).rating(Rating.values()[i % 4]).records(i % 3);
            m.units = i % 2 == 0 ? List.of("VP") : List.of("TTR", "VP");
            members.add(m);
        }
        Proposals nfc = Cases.propose(Rating.EXCELLENT, members);

        List<Cases.M> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(m -> m.name(Normalizer.normalize(m.name, Normalizer.Form.NFD)));
        Proposals nfd = Cases.propose(Rating.EXCELLENT, shuffled);

        assertThat(nfd).isEqualTo(nfc);
        assertThat(nfc.members()).extracting(MemberProposal::memberId).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(nfc.units()).extracting(UnitProposal::unitCode).containsExactly("TTR", "VP");
        List<String> texts = new ArrayList<>();
        nfd.members().forEach(m -> {
            texts.add(m.fullName());
            m.titles().forEach(t -> t.criteria().forEach(r -> texts.add(r.text())));
        });
        nfd.units().forEach(u -> u.titles().forEach(t -> t.criteria().forEach(r -> texts.add(r.text()))));
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).as(t).isTrue());
        assertThat(nfd.unit("VP").title(Title.ADVANCED_COLLECTIVE).result(Criterion.ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE).fact())
                .isEqualTo("không ai bị kỷ luật từ Cảnh cáo trở lên trong năm 2025");
    }
}
