package vn.thidua.evaluation.review;

import java.time.Instant;

/**
 * The year's review is decided (internal to evaluation-service): no ballot nor decision after it. The
 * decision itself, published, is the {@code AwardDecided} of {@link AwardDecision} {@code award-<year>}.
 */
public record ReviewDecided(int year, String decisionNumber, String decidedBy, Instant decidedAt) {
}
