package vn.thidua.titles.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.RuleSets;
import vn.thidua.titles.rules.Title;

/** The council's thresholds of the default rule set, at their edges, each with its citation. */
class CouncilVoteTest {
    private static final RuleSet RULES = RuleSets.defaults().inForceOn(LocalDate.of(2026, 1, 15));
    private static final String MAJORITY = "NĐ 98/2023/NĐ-CP Điều 30 k.7 (bỏ phiếu kín, quá nửa tổng số thành viên Hội đồng)";

    @Test
    void advanced_worker_needs_more_than_half_of_the_council() {
        assertThat(CouncilVote.judge(Title.ADVANCED_WORKER, 9, 5, RULES).text())
                .isEqualTo("đạt: 5/9 thành viên Hội đồng đồng ý (55,56%), cần trên 50% — " + MAJORITY);
        assertThat(CouncilVote.judge(Title.ADVANCED_WORKER, 10, 5, RULES).text())
                .isEqualTo("không đạt: 5/10 thành viên Hội đồng đồng ý (50%), cần trên 50% — " + MAJORITY);
        assertThat(CouncilVote.judge(Title.ADVANCED_WORKER, 10, 6, RULES).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void base_fighter_needs_80_percent_of_the_council() {
        assertThat(CouncilVote.judge(Title.BASE_EMULATION_FIGHTER, 10, 8, RULES).text())
                .isEqualTo("đạt: 8/10 thành viên Hội đồng đồng ý (80%), cần từ 80% — NĐ 98/2023/NĐ-CP Điều 30 k.7 (từ 80% tổng số thành viên Hội đồng)");
        assertThat(CouncilVote.judge(Title.BASE_EMULATION_FIGHTER, 9, 7, RULES).text())
                .startsWith("không đạt: 7/9 thành viên Hội đồng đồng ý (77,78%), cần từ 80%");
    }

    @Test
    void advanced_collective_needs_a_majority() {
        assertThat(CouncilVote.judge(Title.ADVANCED_COLLECTIVE, 7, 4, RULES).outcome()).isEqualTo(Outcome.MET);
        assertThat(CouncilVote.judge(Title.ADVANCED_COLLECTIVE, 8, 4, RULES).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void titles_the_province_decides_and_impossible_ballots_are_refused() {
        assertThatThrownBy(() -> CouncilVote.judge(Title.EXCELLENT_COLLECTIVE, 9, 9, RULES))
                .hasMessage("Tập thể lao động xuất sắc do cấp tỉnh quyết định, Hội đồng của Sở không bỏ phiếu công nhận");
        assertThatThrownBy(() -> CouncilVote.judge(Title.ADVANCED_WORKER, 9, 10, RULES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CouncilVote.judge(Title.ADVANCED_WORKER, 0, 0, RULES)).isInstanceOf(IllegalArgumentException.class);
    }
}
