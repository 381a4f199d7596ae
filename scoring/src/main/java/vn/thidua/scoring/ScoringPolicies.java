package vn.thidua.scoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.events.ParticipationKind;

/**
 * The one place that selects a scoring policy: every version ever used, keyed by version, and the
 * version an open year is scored with. A closed year names its version in {@code AppraisalClosed}.
 */
public final class ScoringPolicies {

    /** DOMAIN.md's policy: REGISTERED 1, ACTIVITY 2, ACHIEVEMENT 5, INITIATIVE 10, at most 30 per campaign. */
    private static final List<ScoringPolicy> ALL = List.of(
            new ScoringPolicy("v1", Map.of(
                    ParticipationKind.REGISTERED, 1,
                    ParticipationKind.ACTIVITY, 2,
                    ParticipationKind.ACHIEVEMENT, 5,
                    ParticipationKind.INITIATIVE, 10), 30));

    /** The version open years are scored with, and new closes record. */
    private static final String CURRENT = "v1";

    private static final Map<String, ScoringPolicy> BY_VERSION = index();

    private ScoringPolicies() {
    }

    /** The policy open years are scored with. */
    public static ScoringPolicy current() {
        return of(CURRENT);
    }

    /** The policy of a version, e.g. the one an {@code AppraisalClosed} names. */
    public static ScoringPolicy of(String version) {
        ScoringPolicy policy = BY_VERSION.get(version);
        if (policy == null) {
            throw new IllegalArgumentException("unknown scoring policy version '" + version + "' (known: " + BY_VERSION.keySet() + ")");
        }
        return policy;
    }

    /** Every policy, in the order they were introduced. */
    public static Collection<ScoringPolicy> all() {
        return BY_VERSION.values();
    }

    private static Map<String, ScoringPolicy> index() {
        Map<String, ScoringPolicy> out = new LinkedHashMap<>();
        for (ScoringPolicy p : ALL) {
            if (out.putIfAbsent(p.version(), p) != null) {
                throw new IllegalStateException("two scoring policies named " + p.version());
            }
        }
        return out;
    }
}
