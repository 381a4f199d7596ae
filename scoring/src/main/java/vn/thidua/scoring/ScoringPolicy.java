package vn.thidua.scoring;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.thidua.contract.events.ParticipationKind;

/**
 * A versioned scoring policy: points per counted record by kind, and the cap of points per
 * campaign. The numbers are data, not law: a new policy is a new version in {@link ScoringPolicies}.
 * A policy names points for every {@link ParticipationKind}, or it cannot be built.
 */
public record ScoringPolicy(String version, Map<ParticipationKind, Integer> points, int capPerCampaign) {

    public ScoringPolicy {
        Set<ParticipationKind> missing = EnumSet.allOf(ParticipationKind.class);
        missing.removeAll(points.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("scoring policy " + version + " gives no points for " + missing);
        }
        points = Map.copyOf(new EnumMap<>(points));
    }

    public int pointsOf(ParticipationKind kind) {
        Integer p = kind == null ? null : points.get(kind);
        if (p == null) {
            throw new IllegalArgumentException("scoring policy " + version + " has no points for kind " + kind);
        }
        return p;
    }

    /** Σ over campaigns of min(cap, points in the campaign): a member's or a unit's points. */
    public int capped(Iterable<Integer> pointsPerCampaign) {
        int total = 0;
        for (int p : pointsPerCampaign) {
            total += Math.min(capPerCampaign, p);
        }
        return total;
    }
}
