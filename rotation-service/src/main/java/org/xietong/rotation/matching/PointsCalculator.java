package org.xietong.rotation.matching;

import org.xietong.platform.region.GeoDistance;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingResult.Points;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The soft rules: integer points a teacher earns on a post, whichever slot they take. */
public final class PointsCalculator {


    private final MatchingWeights weights;
    private final CompatibilityRules rules;
    private final Map<String, GeoPoint> locations;
    private final Map<Long, Map<Long, Integer>> ranks;

    public PointsCalculator(MatchingInstance problem, CompatibilityRules rules) {
        this.weights = problem.weights() == null ? MatchingWeights.DEFAULTS : problem.weights();
        this.rules = rules;
        this.locations = problem.locations() == null ? Map.of() : problem.locations();
        this.ranks = new HashMap<>();
        if (problem.preferences() != null) {
            problem.preferences().forEach((teacherId, postIds) -> ranks.put(teacherId, ranksOf(postIds)));
        }
    }

    private static Map<Long, Integer> ranksOf(List<Long> postIds) {
        Map<Long, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < postIds.size(); i++) {
            rankOf.putIfAbsent(postIds.get(i), i + 1);
        }
        return rankOf;
    }

    public Points points(MatchingTeacher teacher, MatchingPost post) {
        int tags = tagPoints(teacher, post);
        int backbone = backbonePoints(teacher, post);
        int title = titlePoints(teacher, post);
        int linked = linkPoints(rules.linked(teacher.schoolCode(), post.schoolCode()));
        int preference = preferencePoints(ranksOf(teacher).getOrDefault(post.id(), 0));
        int distance = distancePoints(locations.get(teacher.schoolCode()), locations.get(post.schoolCode()));
        return new Points(tags, backbone, title, linked, preference, distance,
                tags + backbone + title + linked + preference + distance);
    }

    /** The teacher's ranks by post id (1 = first choice), empty when they ranked nothing. */
    Map<Long, Integer> ranksOf(MatchingTeacher teacher) {
        return ranks.getOrDefault(teacher.id(), Map.of());
    }

    GeoPoint location(String schoolCode) {
        return locations.get(schoolCode);
    }

    /**
     * {@link #points} without the breakdown, for the matchers' inner loops, which know whether the schools are
     * linked, the teacher's rank of the post (0 = unranked) and the schools' locations (null = unknown).
     */
    int total(MatchingTeacher teacher, MatchingPost post, boolean linked, int rank, GeoPoint from, GeoPoint to) {
        return tagPoints(teacher, post) + backbonePoints(teacher, post) + titlePoints(teacher, post)
                + linkPoints(linked) + preferencePoints(rank) + distancePoints(from, to);
    }

    private int tagPoints(MatchingTeacher teacher, MatchingPost post) {
        if (post.preferredTags().isEmpty() || teacher.tags().isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String tag : post.preferredTags()) {
            if (teacher.tags().contains(tag)) {
                common++;
            }
        }
        return weights.perPreferredTag() * common;
    }

    private int backbonePoints(MatchingTeacher teacher, MatchingPost post) {
        int floor = post.minBackbone() == null ? 0 : post.minBackbone().ordinal();
        return weights.perBackboneLevelAbove() * Math.max(0, teacher.backbone().ordinal() - floor);
    }

    private int titlePoints(MatchingTeacher teacher, MatchingPost post) {
        int floor = post.minTitle() == null ? 0 : post.minTitle().ordinal();
        return weights.perTitleLevelAbove() * Math.max(0, teacher.title().ordinal() - floor);
    }

    private int linkPoints(boolean linked) {
        return linked ? weights.linkedSchools() : 0;
    }

    private int preferencePoints(int rank) {
        return rank == 0 ? 0 : Math.max(0, weights.preferenceTop() - (rank - 1) * weights.preferenceStep());
    }

    private int distancePoints(GeoPoint from, GeoPoint to) {
        if (from == null || to == null || weights.distancePenaltyPerKm() == 0) {
            return 0;
        }
        return -weights.distancePenaltyPerKm() * (int) Math.round(distanceKm(from, to));
    }

    /** Great-circle distance by the haversine formula on the mean Earth radius. */
    public static double distanceKm(GeoPoint a, GeoPoint b) {
        return GeoDistance.km(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }
}
