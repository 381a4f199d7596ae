package vn.thidua.titles.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every rule the code knows how to check, with the parameters a rule set gives it. A title's
 * criteria are checked in this order; the one criterion without a title is a warning on a unit's
 * ratings, never a refusal. The {@code *_COUNCIL_VOTE} rules are not proposal criteria: they are the
 * council's thresholds, checked on its ballots ({@code CouncilVote}), for the titles the department decides.
 */
public enum Criterion {
    /** The member's rating is at least the minimum. */
    ADVANCED_WORKER_RATING(Title.ADVANCED_WORKER, "minimumRating", ParamType.RATING),
    /** The member has at least so many counted records in the year (took part in the campaigns). */
    ADVANCED_WORKER_PARTICIPATION(Title.ADVANCED_WORKER, "minimumCountedRecords", ParamType.COUNT),
    /** The member was recruited at least so many months before the year ends. */
    ADVANCED_WORKER_SERVICE_TIME(Title.ADVANCED_WORKER, "minimumMonths", ParamType.COUNT),
    /** No discipline in force on any day of the year, and none pending on the day of the review. */
    ADVANCED_WORKER_NO_DISCIPLINE(Title.ADVANCED_WORKER),
    /** The member is proposed Lao động tiên tiến this year. */
    BASE_FIGHTER_ADVANCED_WORKER(Title.BASE_EMULATION_FIGHTER),
    /** Rated at least so (excellent), or so many initiatives recognised, or a research project accepted. */
    BASE_FIGHTER_DISTINCTION(Title.BASE_EMULATION_FIGHTER, "rating", ParamType.RATING, "minimumInitiatives", ParamType.COUNT),
    /** Chiến sĩ thi đua cơ sở so many years in a row, this one included. */
    PROVINCIAL_FIGHTER_CONSECUTIVE_YEARS(Title.PROVINCIAL_EMULATION_FIGHTER, "years", ParamType.COUNT),
    /** An initiative applied province-wide. */
    PROVINCIAL_FIGHTER_PROVINCE_INITIATIVE(Title.PROVINCIAL_EMULATION_FIGHTER),
    /** The unit's rating is at least the minimum. */
    ADVANCED_COLLECTIVE_RATING(Title.ADVANCED_COLLECTIVE, "minimumRating", ParamType.RATING),
    /** At least this share of the unit's roster is proposed Lao động tiên tiến. */
    ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE(Title.ADVANCED_COLLECTIVE, "minimumShare", ParamType.SHARE),
    /** Nobody on the roster had a discipline of this form or heavier in force in the year. */
    ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE(Title.ADVANCED_COLLECTIVE, "fromLevel", ParamType.DISCIPLINE_LEVEL),
    /** The unit's rating is at least the minimum (excellent). */
    EXCELLENT_COLLECTIVE_RATING(Title.EXCELLENT_COLLECTIVE, "minimumRating", ParamType.RATING),
    /** Everyone on the roster is rated at least the minimum. */
    EXCELLENT_COLLECTIVE_ALL_RATED(Title.EXCELLENT_COLLECTIVE, "minimumRating", ParamType.RATING),
    /** At least this share of the unit's roster is proposed Lao động tiên tiến. */
    EXCELLENT_COLLECTIVE_ADVANCED_WORKER_SHARE(Title.EXCELLENT_COLLECTIVE, "minimumShare", ParamType.SHARE),
    /** At least so many of the roster are proposed Chiến sĩ thi đua cơ sở. */
    EXCELLENT_COLLECTIVE_BASE_FIGHTERS(Title.EXCELLENT_COLLECTIVE, "minimumCount", ParamType.COUNT),
    /** Those rated excellent are at most this share of those rated good or better (the higher share if the unit is excellent). */
    EXCELLENT_RATING_SHARE(null, "maximumShare", ParamType.SHARE, "maximumShareInExcellentUnit", ParamType.SHARE),
    /** The council's ballot on Lao động tiên tiến passes with votes for from more than this share of its members (a majority). */
    ADVANCED_WORKER_COUNCIL_VOTE(Title.ADVANCED_WORKER, "moreThanShare", ParamType.SHARE),
    /** The council's ballot on Chiến sĩ thi đua cơ sở passes with votes for from at least this share of its members. */
    BASE_FIGHTER_COUNCIL_VOTE(Title.BASE_EMULATION_FIGHTER, "minimumShare", ParamType.SHARE),
    /** The council's ballot on Tập thể lao động tiên tiến passes with votes for from more than this share of its members (a majority). */
    ADVANCED_COLLECTIVE_COUNCIL_VOTE(Title.ADVANCED_COLLECTIVE, "moreThanShare", ParamType.SHARE);

    private final Title title;
    private final Map<String, ParamType> params;

    Criterion(Title title, Object... namesAndTypes) {
        this.title = title;
        Map<String, ParamType> p = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            p.put((String) namesAndTypes[i], (ParamType) namesAndTypes[i + 1]);
        }
        this.params = Collections.unmodifiableMap(p);
    }

    /** The title this criterion is for; null for the warning on ratings. */
    public Title title() {
        return title;
    }

    /** The parameters a rule set must give, by name, in a stable order. */
    public Map<String, ParamType> params() {
        return params;
    }
}
