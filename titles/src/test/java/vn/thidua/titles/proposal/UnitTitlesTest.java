package vn.thidua.titles.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.titles.proposal.Cases.crowd;
import static vn.thidua.titles.proposal.Cases.m;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;
import vn.thidua.titles.input.MemberYear;
import vn.thidua.titles.input.UnitYear;
import vn.thidua.titles.input.YearInputs;
import vn.thidua.titles.rules.Criterion;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.RuleSets;
import vn.thidua.titles.rules.Title;

/** Each unit criterion of the default rule set (and a province's threshold) at its edges, computed by hand, with the citation shown. */
class UnitTitlesTest {
    private static final String ART_28 = " — Luật TĐKT 2022 Điều 28";
    private static final String ART_27 = " — Luật TĐKT 2022 Điều 27 k.1";
    private static final String RATINGS = " — NĐ 335/2025/NĐ-CP (công chức), NĐ 233/2026/NĐ-CP (viên chức)";

    /** {@code n} members of VP, the first {@code advanced} meeting every Lao động tiên tiến criterion, the others without a counted record. */
    private static List<Cases.M> roster(int n, int advanced) {
        return crowd(n, i -> m(String.format("m%02d", i)).records(i <= advanced ? 2 : 0));
    }

    private static UnitProposal vp(RuleSet rules, Rating rating, List<Cases.M> members) {
        return Cases.propose(rules, rating, members).unit("VP");
    }

    private static UnitProposal vp(Rating rating, List<Cases.M> members) {
        return vp(Cases.DEFAULT, rating, members);
    }

    private static String text(UnitProposal unit, Title title, Criterion criterion) {
        return unit.title(title).result(criterion).text();
    }

    @Test
    void tap_the_lao_dong_tien_tien_with_half_the_roster_lao_dong_tien_tien_by_default() {
        UnitProposal half = vp(Rating.GOOD, roster(10, 5));
        assertThat(half.title(Title.ADVANCED_COLLECTIVE).criteria()).extracting(CriterionResult::text).containsExactly(
                "đạt: đơn vị xếp loại Hoàn thành tốt nhiệm vụ" + ART_28,
                "đạt: 5/10 người (50%) đạt Lao động tiên tiến, cần từ 50%" + ART_28,
                "đạt: không ai bị kỷ luật từ Cảnh cáo trở lên trong năm 2025" + ART_28);
        assertThat(half.title(Title.ADVANCED_COLLECTIVE).proposed()).isTrue();

        UnitProposal fewer = vp(Rating.GOOD, roster(10, 4));
        assertThat(text(fewer, Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("không đạt: 4/10 người (40%) đạt Lao động tiên tiến, cần từ 50%" + ART_28);
        assertThat(fewer.title(Title.ADVANCED_COLLECTIVE).proposed()).isFalse();
        assertThat(text(vp(Rating.GOOD, roster(3, 2)), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("đạt: 2/3 người (66,67%) đạt Lao động tiên tiến, cần từ 50%" + ART_28);
    }

    @Test
    void a_province_at_70_percent_accepts_exactly_70_and_refuses_below_citing_its_own_text() throws Exception {
        RuleSet province = RuleSets.defaults()
                .with(RuleSets.readOverrides(Path.of(getClass().getClassLoader().getResource("rules/province-70.json").toURI())))
                .inForceOn(Cases.REVIEW);
        String cited = " — Luật TĐKT 2022 Điều 28; Quy chế của tỉnh (ví dụ) Điều 9";

        assertThat(text(vp(province, Rating.GOOD, roster(10, 7)), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("đạt: 7/10 người (70%) đạt Lao động tiên tiến, cần từ 70%" + cited);
        assertThat(text(vp(province, Rating.GOOD, roster(10, 6)), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("không đạt: 6/10 người (60%) đạt Lao động tiên tiến, cần từ 70%" + cited);
        assertThat(Cases.propose(province, Rating.GOOD, roster(10, 7)).ruleSetVersion()).isEqualTo("tdkt-2022-nd152-2025.1+tinh-vi-du");
    }

    @Test
    void the_unit_must_be_rated_good_or_better_for_tap_the_lao_dong_tien_tien() {
        assertThat(text(vp(Rating.COMPLETED, roster(2, 2)), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_RATING))
                .isEqualTo("không đạt: đơn vị xếp loại Hoàn thành nhiệm vụ" + ART_28);
        assertThat(text(vp(null, roster(2, 2)), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_RATING))
                .isEqualTo("không đạt: đơn vị chưa có xếp loại năm 2025" + ART_28);
        assertThat(vp(Rating.COMPLETED, roster(2, 2)).title(Title.ADVANCED_COLLECTIVE).proposed()).isFalse();
    }

    @Test
    void a_warning_in_the_year_refuses_tap_the_lao_dong_tien_tien_a_reprimand_does_not() {
        List<Cases.M> reprimanded = roster(4, 4);
        reprimanded.get(0).name("Nguyễn Văn An").disciplined(DisciplineLevel.REPRIMAND, "2025-02-01", "2025-07-31");
        UnitProposal light = vp(Rating.GOOD, reprimanded);
        assertThat(text(light, Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE))
                .isEqualTo("đạt: không ai bị kỷ luật từ Cảnh cáo trở lên trong năm 2025" + ART_28);
        assertThat(text(light, Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("đạt: 3/4 người (75%) đạt Lao động tiên tiến, cần từ 50%" + ART_28);

        List<Cases.M> warned = roster(4, 4);
        warned.get(1).name("Trần Thị Bình").disciplined(DisciplineLevel.WARNING, "2024-09-01", "2025-08-31");
        UnitProposal serious = vp(Rating.GOOD, warned);
        assertThat(text(serious, Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE))
                .isEqualTo("không đạt: Trần Thị Bình: kỷ luật Cảnh cáo có hiệu lực từ 01/09/2024 đến 31/08/2025" + ART_28);
        assertThat(serious.title(Title.ADVANCED_COLLECTIVE).proposed()).isFalse();
    }

    /** VP rated excellent, 10 members all rated good, exactly 7 of them Lao động tiên tiến and the first of those also excellent. */
    private static List<Cases.M> excellentUnit() {
        List<Cases.M> members = roster(10, 7);
        members.get(0).rating(Rating.EXCELLENT);
        return members;
    }

    @Test
    void tap_the_lao_dong_xuat_sac_with_exactly_70_percent_and_one_chien_si_thi_dua() {
        UnitProposal unit = vp(Rating.EXCELLENT, excellentUnit());

        assertThat(unit.title(Title.EXCELLENT_COLLECTIVE).criteria()).extracting(CriterionResult::text).containsExactly(
                "đạt: đơn vị xếp loại Hoàn thành xuất sắc nhiệm vụ" + ART_27,
                "đạt: 10/10 người xếp loại từ Hoàn thành nhiệm vụ trở lên" + ART_27,
                "đạt: 7/10 người (70%) đạt Lao động tiên tiến, cần từ 70%" + ART_27,
                "đạt: 1 người đạt Chiến sĩ thi đua cơ sở, cần ít nhất 1" + ART_27);
        assertThat(unit.title(Title.EXCELLENT_COLLECTIVE).proposed()).isTrue();
        assertThat(unit.title(Title.ADVANCED_COLLECTIVE).proposed()).isTrue();
    }

    @Test
    void tap_the_lao_dong_xuat_sac_refused_below_70_percent_without_a_chien_si_thi_dua_or_with_a_good_rating() {
        List<Cases.M> sixOfTen = roster(10, 6);
        sixOfTen.get(0).rating(Rating.EXCELLENT);
        assertThat(text(vp(Rating.EXCELLENT, sixOfTen), Title.EXCELLENT_COLLECTIVE, Criterion.EXCELLENT_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("không đạt: 6/10 người (60%) đạt Lao động tiên tiến, cần từ 70%" + ART_27);

        UnitProposal noFighter = vp(Rating.EXCELLENT, roster(10, 7));
        assertThat(text(noFighter, Title.EXCELLENT_COLLECTIVE, Criterion.EXCELLENT_COLLECTIVE_BASE_FIGHTERS))
                .isEqualTo("không đạt: 0 người đạt Chiến sĩ thi đua cơ sở, cần ít nhất 1" + ART_27);
        assertThat(noFighter.title(Title.EXCELLENT_COLLECTIVE).proposed()).isFalse();

        UnitProposal good = vp(Rating.GOOD, excellentUnit());
        assertThat(text(good, Title.EXCELLENT_COLLECTIVE, Criterion.EXCELLENT_COLLECTIVE_RATING))
                .isEqualTo("không đạt: đơn vị xếp loại Hoàn thành tốt nhiệm vụ" + ART_27);
        assertThat(good.title(Title.EXCELLENT_COLLECTIVE).proposed()).isFalse();
    }

    @Test
    void tap_the_lao_dong_xuat_sac_needs_everyone_rated_hoan_thanh_nhiem_vu_or_better() {
        List<Cases.M> members = excellentUnit();
        members.get(8).name("Lê Văn Cường").rating(Rating.NOT_COMPLETED);
        members.get(9).name("Phạm Thị Dung").rating(null);
        UnitProposal unit = vp(Rating.EXCELLENT, members);

        assertThat(text(unit, Title.EXCELLENT_COLLECTIVE, Criterion.EXCELLENT_COLLECTIVE_ALL_RATED))
                .isEqualTo("không đạt: 8/10 người xếp loại từ Hoàn thành nhiệm vụ trở lên; Lê Văn Cường: Không hoàn thành nhiệm vụ; "
                        + "Phạm Thị Dung: chưa có xếp loại" + ART_27);
        assertThat(unit.title(Title.EXCELLENT_COLLECTIVE).proposed()).isFalse();

        members.get(8).rating(Rating.COMPLETED);
        members.get(9).rating(Rating.COMPLETED);
        assertThat(text(vp(Rating.EXCELLENT, members), Title.EXCELLENT_COLLECTIVE, Criterion.EXCELLENT_COLLECTIVE_ALL_RATED))
                .isEqualTo("đạt: 10/10 người xếp loại từ Hoàn thành nhiệm vụ trở lên" + ART_27);
    }

    @Test
    void excellent_ratings_above_20_percent_of_the_good_ones_warn_and_never_refuse() {
        List<Cases.M> two = roster(10, 10);
        two.get(0).rating(Rating.EXCELLENT);
        two.get(1).rating(Rating.EXCELLENT);
        assertThat(vp(Rating.GOOD, two).warnings()).extracting(CriterionResult::text).containsExactly(
                "đạt: 2 người Hoàn thành xuất sắc nhiệm vụ trên 10 người từ Hoàn thành tốt nhiệm vụ trở lên (20%), tối đa 20%" + RATINGS);

        List<Cases.M> three = roster(10, 10);
        three.get(0).rating(Rating.EXCELLENT);
        three.get(1).rating(Rating.EXCELLENT);
        three.get(2).rating(Rating.EXCELLENT);
        three.get(9).rating(Rating.COMPLETED);   // not among the good ones: 3 of 9
        UnitProposal over = vp(Rating.GOOD, three);
        assertThat(over.warnings()).extracting(CriterionResult::text).containsExactly(
                "cảnh báo: 3 người Hoàn thành xuất sắc nhiệm vụ trên 9 người từ Hoàn thành tốt nhiệm vụ trở lên (33,33%), tối đa 20%" + RATINGS);
        assertThat(over.title(Title.ADVANCED_COLLECTIVE).proposed()).isTrue();
        assertThat(Cases.propose(Rating.GOOD, three).member("m01").title(Title.BASE_EMULATION_FIGHTER).proposed()).isTrue();
    }

    @Test
    void an_excellent_unit_may_rate_25_percent_excellent() {
        List<Cases.M> members = roster(8, 8);
        members.get(0).rating(Rating.EXCELLENT);
        members.get(1).rating(Rating.EXCELLENT);
        assertThat(vp(Rating.EXCELLENT, members).warnings()).extracting(CriterionResult::text).containsExactly(
                "đạt: 2 người Hoàn thành xuất sắc nhiệm vụ trên 8 người từ Hoàn thành tốt nhiệm vụ trở lên (25%), tối đa 25% "
                        + "vì đơn vị xếp loại Hoàn thành xuất sắc nhiệm vụ" + RATINGS);
        assertThat(vp(Rating.GOOD, members).warnings().get(0).outcome()).isEqualTo(Outcome.WARNING);
    }

    @Test
    void a_unit_with_nobody_on_its_roster_gets_no_collective_title() {
        UnitYear empty = new UnitYear("QLKH", Rating.EXCELLENT, List.of());
        UnitProposal unit = Proposer.propose(new YearInputs(Cases.YEAR, Cases.REVIEW, List.of(), List.of(empty)), Cases.DEFAULT).unit("QLKH");

        assertThat(text(unit, Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("không đạt: đơn vị không có ai trong danh sách năm 2025" + ART_28);
        assertThat(text(unit, Title.EXCELLENT_COLLECTIVE, Criterion.EXCELLENT_COLLECTIVE_ALL_RATED))
                .isEqualTo("không đạt: đơn vị không có ai trong danh sách năm 2025" + ART_27);
        assertThat(unit.titles()).noneMatch(TitleProposal::proposed);
    }

    @Test
    void a_member_who_moved_counts_in_both_rosters_of_the_year() {
        Cases.M moved = m("m1");
        moved.units = List.of("VP", "TTR");
        Cases.M stayed = m("m2").records(0);
        stayed.units = List.of("TTR");
        Proposals p = Cases.propose(Rating.GOOD, List.of(moved, stayed));

        assertThat(p.member("m1").units()).containsExactly("TTR", "VP");
        assertThat(text(p.unit("VP"), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("đạt: 1/1 người (100%) đạt Lao động tiên tiến, cần từ 50%" + ART_28);
        assertThat(text(p.unit("TTR"), Title.ADVANCED_COLLECTIVE, Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE))
                .isEqualTo("đạt: 1/2 người (50%) đạt Lao động tiên tiến, cần từ 50%" + ART_28);
    }

    @Test
    void inputs_naming_a_roster_member_who_is_not_among_the_members_are_refused() {
        MemberYear a = m("a").build();
        assertThatThrownBy(() -> new YearInputs(Cases.YEAR, Cases.REVIEW, List.of(a),
                        List.of(new UnitYear("VP", Rating.GOOD, List.of("a", "b")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("member b is on the roster of VP but not among the members");
        assertThatThrownBy(() -> new YearInputs(2025, LocalDate.of(2024, 12, 31), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
