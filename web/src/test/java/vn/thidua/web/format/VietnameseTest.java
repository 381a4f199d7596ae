package vn.thidua.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.ParticipationKind;

class VietnameseTest {

    @Test
    void decimals_haveACommaAndKeepTheirScale() {
        assertThat(Vietnamese.number(new BigDecimal("17.33"))).isEqualTo("17,33");
        assertThat(Vietnamese.number(new BigDecimal("17.00"))).isEqualTo("17,00");
        assertThat(Vietnamese.number(new BigDecimal("0.5"))).isEqualTo("0,5");
        assertThat(Vietnamese.number(new BigDecimal("-3.25"))).isEqualTo("-3,25");
    }

    @Test
    void thousands_areSeparatedByDots() {
        assertThat(Vietnamese.number(1282L)).isEqualTo("1.282");
        assertThat(Vietnamese.number(655020L)).isEqualTo("655.020");
        assertThat(Vietnamese.number(12)).isEqualTo("12");
        assertThat(Vietnamese.number(new BigDecimal("12345.6"))).isEqualTo("12.345,6");
    }

    @Test
    void shares_arePercentagesWithAtMostOneDecimal() {
        assertThat(Vietnamese.percent(new BigDecimal("1.00"))).isEqualTo("100%");
        assertThat(Vietnamese.percent(new BigDecimal("0.83"))).isEqualTo("83%");
        assertThat(Vietnamese.percent(new BigDecimal("0.8333"))).isEqualTo("83,3%");
        assertThat(Vietnamese.percent(new BigDecimal("0.00"))).isEqualTo("0%");
    }

    @Test
    void days_areDayMonthYear_andInstantsAreInVietnamsTime() {
        assertThat(Vietnamese.date(LocalDate.of(2023, 3, 8))).isEqualTo("08/03/2023");
        // 17:05 UTC on 31/12 is 00:05 on 1/1 in Hà Nội (UTC+7)
        assertThat(Vietnamese.dateTime(Instant.parse("2023-12-31T17:05:00Z"))).isEqualTo("01/01/2024 00:05");
    }

    @Test
    void missingValues_areEmpty() {
        assertThat(Vietnamese.number((BigDecimal) null)).isEmpty();
        assertThat(Vietnamese.date(null)).isEmpty();
        assertThat(Vietnamese.dateTime(null)).isEmpty();
    }

    @Test
    void kindsAndStatuses_inTheDepartmentsWords() {
        assertThat(Vietnamese.kind(CampaignKind.PHASE)).isEqualTo("theo Đợt");
        assertThat(Vietnamese.kind(CampaignKind.THEMATIC)).isEqualTo("theo Chuyên đề");
        assertThat(Vietnamese.kind(ParticipationKind.INITIATIVE)).isEqualTo("Sáng kiến");
        assertThat(Vietnamese.statusVn("CLOSED")).isEqualTo("Đã chốt bình xét");
        assertThat(Vietnamese.statusVn("OPEN")).isEqualTo("Đang mở");
    }
}
