package org.xietong.healthcare.settlement.engine;

import java.time.LocalDate;

/**
 * Where and how the bill arose. {@code institutionTier} is the institution's grade tier (1–3, 0 unrated);
 * {@code sessions} counts treatment sessions (dialysis) for per-session copays.
 */
public record Visit(String treatmentRegion, String institutionCode, int institutionTier, VisitKind kind,
                    CrossRegionKind crossRegionKind, LocalDate date, String serviceType, int sessions) {
}
