package vn.thidua.web.format;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.thidua.contract.events.CampaignKind;
import vn.thidua.contract.events.ParticipationKind;

/**
 * How the pages write numbers and dates, the Vietnamese way: {@code 17,33}, {@code 1.282},
 * {@code 08/03/2023}, {@code 08/03/2023 14:05} (Asia/Ho_Chi_Minh). Also usable from templates:
 * {@code {row.score.vn}}.
 */
@TemplateExtension
public final class Vietnamese {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

    private Vietnamese() {
    }

    /** A decimal with its own scale kept, a comma before the decimals and dots between thousands: 17.33 → "17,33". */
    @TemplateExtension(matchName = "vn")
    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols());
        int scale = Math.max(0, value.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A whole number with dots between thousands: 1282 → "1.282". */
    @TemplateExtension(matchName = "vn")
    public static String number(Long value) {
        return value == null ? "" : new DecimalFormat("#,##0", symbols()).format(value.longValue());
    }

    /** The same for an int. */
    @TemplateExtension(matchName = "vn")
    public static String number(Integer value) {
        return value == null ? "" : number(value.longValue());
    }

    /** A share (0 to 1) as a percentage with at most one decimal: 0.8333 → "83,3%". */
    @TemplateExtension(matchName = "percent")
    public static String percent(BigDecimal share) {
        if (share == null) {
            return "";
        }
        BigDecimal percent = share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return number(percent.scale() < 0 ? percent.setScale(0) : percent) + "%";
    }

    /** A day as dd/MM/yyyy. */
    @TemplateExtension(matchName = "vn")
    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** An instant as dd/MM/yyyy HH:mm in Vietnam's time. */
    @TemplateExtension(matchName = "vn")
    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** A campaign's kind as the department says it. */
    @TemplateExtension(matchName = "vn")
    public static String kind(CampaignKind kind) {
        return kind == null ? "" : switch (kind) {
            case PHASE -> "theo Đợt";
            case THEMATIC -> "theo Chuyên đề";
            case REGULAR -> "thường xuyên";
        };
    }

    /** A record's kind. */
    @TemplateExtension(matchName = "vn")
    public static String kind(ParticipationKind kind) {
        return kind == null ? "" : switch (kind) {
            case REGISTERED -> "Đăng ký thi đua";
            case ACTIVITY -> "Hoạt động";
            case ACHIEVEMENT -> "Thành tích";
            case INITIATIVE -> "Sáng kiến";
        };
    }

    /** A year's appraisal status (OPEN, CLOSED). */
    public static String statusVn(String status) {
        return "CLOSED".equals(status) ? "Đã chốt bình xét" : "OPEN".equals(status) ? "Đang mở" : status == null ? "" : status;
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setDecimalSeparator(',');
        s.setGroupingSeparator('.');
        s.setMinusSign('-');
        return s;
    }
}
