package vn.thidua.titles.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.titles.proposal.Cases.m;
import static vn.thidua.titles.proposal.Cases.one;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;
import vn.thidua.titles.input.DisciplineProceeding;
import vn.thidua.titles.rules.Criterion;
import vn.thidua.titles.rules.RuleSets;
import vn.thidua.titles.rules.Title;

/** Each member criterion of the default rule set at its edges, computed by hand, with the citation shown. */
class MemberTitlesTest {
    private static final String ART_24 = " — Luật TĐKT 2022 Điều 24 k.1";
    private static final String TT_01 = " — TT 01/2024 Điều 1 k.5 điểm d";
    private static final String ND_152 = " — NĐ 152/2025/NĐ-CP Điều 4 k.4";
    private static final String ART_23 = " — Luật TĐKT 2022 Điều 23";
    private static final String ART_22 = " — Luật TĐKT 2022 Điều 22";

    private static String text(Cases.M member, Title title, Criterion criterion) {
        return one(member).title(title).result(criterion).text();
    }

    private static String advanced(Cases.M member, Criterion criterion) {
        return text(member, Title.ADVANCED_WORKER, criterion);
    }

    @Test
    void a_member_meeting_every_criterion_is_proposed_lao_dong_tien_tien_with_each_reason() {
        TitleProposal title = one(m("a").recruitedOn("2025-07-01")).title(Title.ADVANCED_WORKER);

        assertThat(title.proposed()).isTrue();
        assertThat(title.criteria()).extracting(CriterionResult::text).containsExactly(
                "đạt: xếp loại Hoàn thành tốt nhiệm vụ" + ART_24,
                "đạt: 3 bản ghi tham gia phong trào được tính trong năm 2025" + ART_24,
                "đạt: tuyển dụng ngày 01/07/2025, đủ 6 tháng đến hết năm 2025" + TT_01,
                "đạt: không bị kỷ luật trong năm 2025, không bị xem xét kỷ luật ngày 15/01/2026" + ND_152);
    }

    @Test
    void the_rating_must_be_good_or_better() {
        assertThat(advanced(m("a").rating(Rating.EXCELLENT), Criterion.ADVANCED_WORKER_RATING))
                .isEqualTo("đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ" + ART_24);
        assertThat(advanced(m("a").rating(Rating.COMPLETED), Criterion.ADVANCED_WORKER_RATING))
                .isEqualTo("không đạt: xếp loại Hoàn thành nhiệm vụ" + ART_24);
        assertThat(advanced(m("a").rating(Rating.NOT_COMPLETED), Criterion.ADVANCED_WORKER_RATING))
                .isEqualTo("không đạt: xếp loại Không hoàn thành nhiệm vụ" + ART_24);
        assertThat(advanced(m("a").rating(null), Criterion.ADVANCED_WORKER_RATING))
                .isEqualTo("không đạt: chưa có xếp loại năm 2025" + ART_24);
        assertThat(one(m("a").rating(Rating.COMPLETED)).title(Title.ADVANCED_WORKER).proposed()).isFalse();
    }

    @Test
    void taking_part_needs_one_counted_record_in_the_year() {
        assertThat(advanced(m("a").records(1), Criterion.ADVANCED_WORKER_PARTICIPATION))
                .isEqualTo("đạt: 1 bản ghi tham gia phong trào được tính trong năm 2025" + ART_24);
        assertThat(advanced(m("a").records(0), Criterion.ADVANCED_WORKER_PARTICIPATION))
                .isEqualTo("không đạt: không có bản ghi tham gia phong trào nào được tính trong năm 2025, cần ít nhất 1" + ART_24);
        assertThat(one(m("a").records(0)).title(Title.ADVANCED_WORKER).proposed()).isFalse();
    }

    @Test
    void recruited_on_1_july_has_served_six_months_by_the_year_end_and_on_2_july_has_not() {
        assertThat(advanced(m("a").recruitedOn("2025-07-01"), Criterion.ADVANCED_WORKER_SERVICE_TIME))
                .isEqualTo("đạt: tuyển dụng ngày 01/07/2025, đủ 6 tháng đến hết năm 2025" + TT_01);
        assertThat(advanced(m("a").recruitedOn("2025-07-02"), Criterion.ADVANCED_WORKER_SERVICE_TIME))
                .isEqualTo("không đạt: tuyển dụng ngày 02/07/2025, chưa đủ 6 tháng đến hết năm 2025" + TT_01);
        assertThat(one(m("a").recruitedOn("2025-07-02")).title(Title.ADVANCED_WORKER).proposed()).isFalse();
        Cases.M unknown = m("a");
        unknown.recruitedOn = null;
        assertThat(advanced(unknown, Criterion.ADVANCED_WORKER_SERVICE_TIME)).isEqualTo("không đạt: chưa có ngày tuyển dụng" + TT_01);
    }

    @Test
    void the_months_are_a_parameter_of_the_rule_set() {
        var later = RuleSets.fromResources(List.of("rules/later.json")).version("test-later.1");   // 10 months, cited "Điều thử 3"

        assertThat(Cases.propose(later, Rating.GOOD, List.of(m("a").recruitedOn("2025-03-01"))).member("a")
                .title(Title.ADVANCED_WORKER).result(Criterion.ADVANCED_WORKER_SERVICE_TIME).text())
                .isEqualTo("đạt: tuyển dụng ngày 01/03/2025, đủ 10 tháng đến hết năm 2025 — Điều thử 3");
        assertThat(Cases.propose(later, Rating.GOOD, List.of(m("a").recruitedOn("2025-03-02"))).member("a")
                .title(Title.ADVANCED_WORKER).result(Criterion.ADVANCED_WORKER_SERVICE_TIME).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void a_discipline_in_force_on_any_day_of_the_year_refuses_even_when_it_ends_mid_year() {
        assertThat(advanced(m("a").disciplined(DisciplineLevel.REPRIMAND, "2024-07-01", "2025-06-30"), Criterion.ADVANCED_WORKER_NO_DISCIPLINE))
                .isEqualTo("không đạt: kỷ luật Khiển trách có hiệu lực từ 01/07/2024 đến 30/06/2025" + ND_152);
        assertThat(advanced(m("a").disciplined(DisciplineLevel.REPRIMAND, "2024-01-02", "2025-01-01"), Criterion.ADVANCED_WORKER_NO_DISCIPLINE))
                .startsWith("không đạt: ");
        assertThat(advanced(m("a").disciplined(DisciplineLevel.WARNING, "2025-12-31", null), Criterion.ADVANCED_WORKER_NO_DISCIPLINE))
                .isEqualTo("không đạt: kỷ luật Cảnh cáo có hiệu lực từ 31/12/2025, chưa hết hiệu lực" + ND_152);
        assertThat(one(m("a").disciplined(DisciplineLevel.REPRIMAND, "2024-07-01", "2025-06-30")).title(Title.ADVANCED_WORKER).proposed())
                .isFalse();
    }

    @Test
    void a_discipline_over_before_the_year_or_starting_after_it_does_not_count() {
        assertThat(advanced(m("a").disciplined(DisciplineLevel.WARNING, "2024-01-01", "2024-12-31")
                .disciplined(DisciplineLevel.REPRIMAND, "2026-01-01", null), Criterion.ADVANCED_WORKER_NO_DISCIPLINE))
                .isEqualTo("đạt: không bị kỷ luật trong năm 2025, không bị xem xét kỷ luật ngày 15/01/2026" + ND_152);
    }

    @Test
    void a_proceeding_pending_on_the_day_of_the_review_refuses_one_closed_before_does_not() {
        Cases.M pending = m("a");
        pending.proceedings.add(new DisciplineProceeding(LocalDate.of(2025, 12, 10), null));
        assertThat(advanced(pending, Criterion.ADVANCED_WORKER_NO_DISCIPLINE))
                .isEqualTo("không đạt: đang bị xem xét kỷ luật từ 10/12/2025" + ND_152);

        Cases.M closedOnTheDay = m("a");
        closedOnTheDay.proceedings.add(new DisciplineProceeding(LocalDate.of(2025, 12, 10), Cases.REVIEW));
        assertThat(advanced(closedOnTheDay, Criterion.ADVANCED_WORKER_NO_DISCIPLINE)).startsWith("đạt: ");

        Cases.M closingTomorrow = m("a");
        closingTomorrow.proceedings.add(new DisciplineProceeding(LocalDate.of(2025, 12, 10), Cases.REVIEW.plusDays(1)));
        assertThat(advanced(closingTomorrow, Criterion.ADVANCED_WORKER_NO_DISCIPLINE)).startsWith("không đạt: ");
    }

    @Test
    void chien_si_thi_dua_co_so_needs_lao_dong_tien_tien_and_an_excellent_rating_or_an_initiative_or_a_research_project() {
        assertThat(text(m("a").rating(Rating.EXCELLENT), Title.BASE_EMULATION_FIGHTER, Criterion.BASE_FIGHTER_DISTINCTION))
                .isEqualTo("đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ" + ART_23);
        assertThat(text(m("a").initiatives(1), Title.BASE_EMULATION_FIGHTER, Criterion.BASE_FIGHTER_DISTINCTION))
                .isEqualTo("đạt: 1 sáng kiến được công nhận" + ART_23);
        Cases.M researcher = m("a");
        researcher.research.add("Ứng dụng công nghệ sinh học trong sản xuất chè Thái Nguyên");
        assertThat(text(researcher, Title.BASE_EMULATION_FIGHTER, Criterion.BASE_FIGHTER_DISTINCTION))
                .isEqualTo("đạt: đề tài được nghiệm thu: Ứng dụng công nghệ sinh học trong sản xuất chè Thái Nguyên" + ART_23);
        assertThat(text(m("a"), Title.BASE_EMULATION_FIGHTER, Criterion.BASE_FIGHTER_DISTINCTION))
                .isEqualTo("không đạt: xếp loại Hoàn thành tốt nhiệm vụ, 0 sáng kiến được công nhận (cần 1), không có đề tài được nghiệm thu" + ART_23);

        assertThat(one(m("a").rating(Rating.EXCELLENT)).title(Title.BASE_EMULATION_FIGHTER).proposed()).isTrue();
        assertThat(one(m("a")).title(Title.BASE_EMULATION_FIGHTER).proposed()).isFalse();
    }

    @Test
    void an_excellent_member_who_is_not_lao_dong_tien_tien_is_not_chien_si_thi_dua() {
        MemberProposal p = one(m("a").rating(Rating.EXCELLENT).records(0));

        assertThat(p.title(Title.BASE_EMULATION_FIGHTER).result(Criterion.BASE_FIGHTER_ADVANCED_WORKER).text())
                .isEqualTo("không đạt: không đủ tiêu chuẩn Lao động tiên tiến năm 2025" + ART_23);
        assertThat(p.title(Title.BASE_EMULATION_FIGHTER).result(Criterion.BASE_FIGHTER_DISTINCTION).outcome()).isEqualTo(Outcome.MET);
        assertThat(p.title(Title.BASE_EMULATION_FIGHTER).proposed()).isFalse();
        assertThat(one(m("a").rating(Rating.EXCELLENT)).title(Title.BASE_EMULATION_FIGHTER).result(Criterion.BASE_FIGHTER_ADVANCED_WORKER)
                .text()).isEqualTo("đạt: đủ tiêu chuẩn Lao động tiên tiến năm 2025" + ART_23);
    }

    @Test
    void there_is_no_15_percent_cap_on_chien_si_thi_dua_co_so() {
        Proposals all = Cases.propose(Rating.GOOD, Cases.crowd(4, i -> m("m" + i).rating(Rating.EXCELLENT)));

        assertThat(all.members()).allSatisfy(p -> assertThat(p.title(Title.BASE_EMULATION_FIGHTER).proposed()).isTrue());
    }

    @Test
    void chien_si_thi_dua_cap_tinh_needs_three_years_in_a_row_this_one_included_and_a_province_wide_initiative() {
        Cases.M three = m("a").rating(Rating.EXCELLENT);
        three.baseFighterYears.addAll(List.of(2023, 2024));
        three.provinceWide.add("Phần mềm quản lý hồ sơ khoa học dùng chung toàn tỉnh");
        TitleProposal provincial = one(three).title(Title.PROVINCIAL_EMULATION_FIGHTER);
        assertThat(provincial.criteria()).extracting(CriterionResult::text).containsExactly(
                "đạt: 3 năm liên tục Chiến sĩ thi đua cơ sở (2023–2025), năm 2025 theo đề nghị này" + ART_22,
                "đạt: sáng kiến được áp dụng trong toàn tỉnh: Phần mềm quản lý hồ sơ khoa học dùng chung toàn tỉnh" + ART_22);
        assertThat(provincial.proposed()).isTrue();

        Cases.M gap = m("a").rating(Rating.EXCELLENT);
        gap.baseFighterYears.addAll(List.of(2022, 2024));
        assertThat(text(gap, Title.PROVINCIAL_EMULATION_FIGHTER, Criterion.PROVINCIAL_FIGHTER_CONSECUTIVE_YEARS))
                .isEqualTo("không đạt: chưa đủ 3 năm liên tục Chiến sĩ thi đua cơ sở (2023–2025): thiếu năm 2023" + ART_22);
        assertThat(text(gap, Title.PROVINCIAL_EMULATION_FIGHTER, Criterion.PROVINCIAL_FIGHTER_PROVINCE_INITIATIVE))
                .isEqualTo("không đạt: không có sáng kiến được áp dụng trong toàn tỉnh" + ART_22);

        Cases.M notThisYear = m("a");
        notThisYear.baseFighterYears.addAll(List.of(2023, 2024));
        assertThat(text(notThisYear, Title.PROVINCIAL_EMULATION_FIGHTER, Criterion.PROVINCIAL_FIGHTER_CONSECUTIVE_YEARS))
                .isEqualTo("không đạt: chưa đủ 3 năm liên tục Chiến sĩ thi đua cơ sở (2023–2025): thiếu năm 2025" + ART_22);
    }
}
