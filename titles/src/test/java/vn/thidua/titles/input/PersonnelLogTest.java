package vn.thidua.titles.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.AwardDecided;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.MemberDisciplined;
import vn.thidua.contract.events.MemberRated;
import vn.thidua.contract.events.MemberRecruited;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.UnitRated;

class PersonnelLogTest {

    @Test
    void the_last_event_of_each_kind_counts_and_other_years_do_not() {
        PersonnelLog log = new PersonnelLog();
        log.apply(new MemberRecruited("m1", LocalDate.of(2020, 3, 1)));
        log.apply(new MemberRecruited("m1", LocalDate.of(2019, 3, 1)));
        log.apply(new MemberRated("m1", "VP", 2025, Rating.COMPLETED));
        log.apply(new MemberRated("m1", "TTR", 2025, Rating.GOOD));
        log.apply(new MemberRated("m1", "VP", 2024, Rating.EXCELLENT));
        log.apply(new MemberDisciplined("m1", "VP", "12/QĐ", DisciplineLevel.WARNING, LocalDate.of(2025, 1, 1), null));
        log.apply(new MemberDisciplined("m1", "VP", "12/QĐ", DisciplineLevel.REPRIMAND, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)));
        log.apply(new UnitRated("VP", 2025, Rating.GOOD));
        log.apply(new UnitRated("VP", 2025, Rating.EXCELLENT));
        log.apply(new UnitRated("TTR", 2024, Rating.GOOD));

        PersonnelFile file = log.files(2025).get("m1");
        assertThat(file.recruitedOn()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(file.rating()).isEqualTo(Rating.GOOD);
        assertThat(file.disciplines()).containsExactly(new Discipline(DisciplineLevel.REPRIMAND, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)));
        assertThat(log.unitRatings(2025)).containsExactlyEntriesOf(Map.of("VP", Rating.EXCELLENT));
        assertThat(log.files(2023).get("m1").rating()).isNull();
    }

    @Test
    void earlier_decisions_give_the_years_awarded_chien_si_thi_dua_co_so() {
        PersonnelLog log = new PersonnelLog();
        for (int year : new int[]{2023, 2024, 2025}) {
            log.apply(new AwardDecided(year, "v", LocalDate.of(year + 1, 1, 10), List.of(),
                    new AwardDecided.Decision("1/QĐ", LocalDate.of(year + 1, 1, 15), "Nguyễn Văn Hùng", "Giám đốc"), List.of(),
                    List.of(new AwardDecided.Award(AwardDecided.Subject.MEMBER, "m1", "Lê Thị Hoa", "BASE_EMULATION_FIGHTER"),
                            new AwardDecided.Award(AwardDecided.Subject.MEMBER, "m2", "Trần Văn Nam", "ADVANCED_WORKER")),
                    "user:canbo.tdkt", Instant.parse((year + 1) + "-01-15T03:00:00Z")));
        }
        assertThat(log.files(2025).get("m1").baseFighterYears()).containsExactly(2023, 2024);
        assertThat(log.files(2025)).doesNotContainKey("m2");
    }
}
