package vn.thidua.titles.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.thidua.contract.events.Rating;
import vn.thidua.titles.input.Discipline;

/** How facts are written in Vietnamese: dates dd/MM/yyyy, percentages with a decimal comma. */
final class Wording {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Wording() {
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** {@code part/whole} as a percentage, at most two decimals: 7 of 10 → "70%", 2 of 3 → "66,67%". */
    static String percent(int part, int whole) {
        return percent(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
    }

    /** A share (0.7) as a percentage ("70%"). */
    static String percent(BigDecimal share) {
        BigDecimal p = share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.toPlainString().replace('.', ',') + "%";
    }

    static String rating(Rating rating, int year) {
        return rating == null ? "chưa có xếp loại năm " + year : "xếp loại " + rating.label();
    }

    static String discipline(Discipline d) {
        return "kỷ luật " + d.level().label() + " có hiệu lực từ " + day(d.from())
                + (d.to() == null ? ", chưa hết hiệu lực" : " đến " + day(d.to()));
    }
}
