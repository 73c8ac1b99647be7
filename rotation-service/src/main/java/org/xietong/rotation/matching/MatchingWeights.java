package org.xietong.rotation.matching;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Integer points of the soft rules, kept in each region's policy. A teacher ranking a post r-th (1 = first) earns
 * {@code max(0, preferenceTop - (r - 1) * preferenceStep)}; the distance penalty is per whole kilometre.
 */
public record MatchingWeights(@Min(0) @Max(1000) int perPreferredTag, @Min(0) @Max(1000) int perBackboneLevelAbove,
                              @Min(0) @Max(1000) int perTitleLevelAbove, @Min(0) @Max(1000) int linkedSchools,
                              @Min(0) @Max(1000) int preferenceTop, @Min(0) @Max(1000) int preferenceStep,
                              @Min(0) @Max(100) int distancePenaltyPerKm) {

    public static final MatchingWeights DEFAULTS = new MatchingWeights(10, 5, 3, 20, 30, 3, 1);
}
