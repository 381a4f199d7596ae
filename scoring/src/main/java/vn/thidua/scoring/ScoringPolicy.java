package vn.thidua.scoring;

import java.util.EnumMap;
import java.util.Map;
import vn.thidua.contract.events.ParticipationKind;

/**
 * A versioned scoring policy: points per counted record by kind, and the cap of points per
 * campaign. The numbers are data, not law: a new policy is a new version.
 */
public record ScoringPolicy(String version, Map<ParticipationKind, Integer> points, int capPerCampaign) {

    /** The default policy of DOMAIN.md: REGISTERED 1, ACTIVITY 2, ACHIEVEMENT 5, INITIATIVE 10, at most 30 per campaign. */
    public static final ScoringPolicy V1 = new ScoringPolicy("v1", Map.of(
            ParticipationKind.REGISTERED, 1,
            ParticipationKind.ACTIVITY, 2,
            ParticipationKind.ACHIEVEMENT, 5,
            ParticipationKind.INITIATIVE, 10), 30);

    public ScoringPolicy {
        points = Map.copyOf(new EnumMap<>(points));
    }

    public int pointsOf(ParticipationKind kind) {
        return points.get(kind);
    }

    /** The policy of a version, e.g. the one an {@code AppraisalClosed} names. */
    public static ScoringPolicy of(String version) {
        if (V1.version().equals(version)) {
            return V1;
        }
        throw new IllegalArgumentException("unknown scoring policy version '" + version + "'");
    }
}
