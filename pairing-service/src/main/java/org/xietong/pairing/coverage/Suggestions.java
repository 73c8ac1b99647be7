package org.xietong.pairing.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.pairing.school.SchoolLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks urban schools that could support a township or rural school: the same province first, then by a score
 * for the same level, the quality-resource flag, free pairing slots and distance, each stated as a reason. A
 * school at its pairing capacity is never suggested.
 */
public final class Suggestions {

    private static final double DISTANCE_HORIZON_KM = 300;

    public record Target(String code, String regionCode, SchoolLevel level, Double latitude, Double longitude) {
    }

    public record Candidate(String code, String name, String regionCode, SchoolLevel level, boolean qualityResource,
                            Double latitude, Double longitude, int carried) {
    }

    @Schema(name = "SupportingSchoolSuggestion")
    public record Suggestion(String code, String name, String regionCode, double score, Double distanceKm,
                             int freeSlots, List<String> reasons) {
    }

    private record Ranked(Suggestion suggestion, boolean sameProvince) {
    }

    private Suggestions() {
    }

    public static List<Suggestion> rank(Target target, List<Candidate> candidates, int capacity, int limit) {
        List<Ranked> ranked = new ArrayList<>();
        for (Candidate c : candidates) {
            int free = capacity - c.carried();
            if (free <= 0 || c.code().equals(target.code())) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            double score = 0;
            boolean sameProvince = c.regionCode().regionMatches(0, target.regionCode(), 0, 2);
            if (sameProvince) {
                reasons.add("same province");
            }
            // Level fit weighs most (4 / 3), then quality (2), distance (up to 2) and free slots (up to 1).
            if (c.level() == target.level()) {
                score += 4;
                reasons.add("same level " + c.level());
            } else if (compatible(c.level(), target.level())) {
                score += 3;
                reasons.add(c.level() + " school covers " + target.level());
            }
            if (c.qualityResource()) {
                score += 2;
                reasons.add("quality-resource school (优质资源校)");
            }
            score += (double) free / capacity;
            reasons.add(free + " of " + capacity + " pairing slots free");
            Double distance = distanceKm(target, c);
            if (distance != null) {
                score += 2 * Math.max(0, 1 - distance / DISTANCE_HORIZON_KM);
                reasons.add(String.format(Locale.ROOT, "%.1f km away", distance));
            }
            double rounded = Math.round(score * 100) / 100.0;
            ranked.add(new Ranked(new Suggestion(c.code(), c.name(), c.regionCode(), rounded, distance == null ? null
                    : Math.round(distance * 10) / 10.0, free, List.copyOf(reasons)), sameProvince));
        }
        return ranked.stream()
                .sorted(Comparator.comparing((Ranked r) -> !r.sameProvince())
                        .thenComparing(r -> -r.suggestion().score())
                        .thenComparing(r -> r.suggestion().distanceKm() == null ? Double.MAX_VALUE : r.suggestion().distanceKm())
                        .thenComparing(r -> r.suggestion().code()))
                .limit(limit)
                .map(Ranked::suggestion)
                .toList();
    }

    /** A nine-year school teaches primary and junior grades; a complete secondary school junior and senior ones. */
    private static boolean compatible(SchoolLevel a, SchoolLevel b) {
        return spans(a, b) || spans(b, a);
    }

    private static boolean spans(SchoolLevel wide, SchoolLevel narrow) {
        return (wide == SchoolLevel.NINE_YEAR && (narrow == SchoolLevel.PRIMARY || narrow == SchoolLevel.JUNIOR))
                || (wide == SchoolLevel.COMPLETE_SECONDARY && (narrow == SchoolLevel.JUNIOR || narrow == SchoolLevel.SENIOR));
    }

    static Double distanceKm(Target t, Candidate c) {
        if (t.latitude() == null || c.latitude() == null) {
            return null;
        }
        double lat1 = Math.toRadians(t.latitude());
        double lat2 = Math.toRadians(c.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(c.longitude() - t.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }
}
