package vn.thidua.participation.personnel;

import java.util.Collection;
import java.util.List;
import vn.thidua.contract.events.Rating;

/**
 * The share of a unit's members rated excellent in a year, against those rated good or better
 * (excellent included): at most 20%, 25% if the unit itself is rated excellent (NĐ 335/2025 for
 * công chức, NĐ 233/2026 for viên chức; DOMAIN.md). Above it is a warning, never a refusal: the
 * ratings are the unit's to decide.
 */
public record ExcellentShare(int excellent, int goodOrBetter, int limitPercent) {
    public static final int LIMIT_PERCENT = 20;
    public static final int LIMIT_PERCENT_EXCELLENT_UNIT = 25;

    /** The share among {@code ratings} (the members' ratings recorded for the unit), under the limit for a unit rated {@code unitRating} (null: not rated). */
    public static ExcellentShare of(Collection<Rating> ratings, Rating unitRating) {
        int excellent = (int) ratings.stream().filter(r -> r == Rating.EXCELLENT).count();
        int goodOrBetter = (int) ratings.stream().filter(r -> r.atLeast(Rating.GOOD)).count();
        return new ExcellentShare(excellent, goodOrBetter, unitRating == Rating.EXCELLENT ? LIMIT_PERCENT_EXCELLENT_UNIT : LIMIT_PERCENT);
    }

    /** Whether excellent ratings exceed the limit's share of the good-or-better ones. */
    public boolean aboveLimit() {
        return excellent * 100L > (long) limitPercent * goodOrBetter;
    }

    /** The warnings this share gives: one when above the limit, none otherwise. */
    public List<Warning> warnings(String unitCode, int year) {
        if (!aboveLimit()) {
            return List.of();
        }
        return List.of(new Warning("excellent-share-above-limit",
                "Tỷ lệ xếp loại Hoàn thành xuất sắc nhiệm vụ của " + unitCode + " năm " + year + " là " + excellent + "/" + goodOrBetter
                        + " số người Hoàn thành tốt nhiệm vụ trở lên, vượt " + limitPercent + "%"));
    }

    /** A warning in an answer: the rating was recorded, but something deserves a second look. */
    public record Warning(String code, String message) {
    }
}
