package org.xietong.rotation.matching;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingResult.Points;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Title;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.matching.Fixtures.post;
import static org.xietong.rotation.matching.Fixtures.problem;
import static org.xietong.rotation.matching.Fixtures.teacher;

class PointsCalculatorTest {

    private static Points points(Fixtures.MatchingInstanceBuilder builder) {
        MatchingInstance problem = builder.build();
        return new PointsCalculator(problem, new CompatibilityRules(problem))
                .points(problem.teachers().get(0), problem.posts().get(0));
    }

    @Test
    void measuresGreatCircleDistance() {
        double degree = 6371.0088 * Math.PI / 180;
        assertEquals(degree, PointsCalculator.distanceKm(new GeoPoint(0, 116), new GeoPoint(0, 117)), 1e-9);
        assertEquals(degree / 2, PointsCalculator.distanceKm(new GeoPoint(39.9, 116.4), new GeoPoint(40.4, 116.4)),
                1e-9);
        assertEquals(Math.PI * 6371.0088, PointsCalculator.distanceKm(new GeoPoint(0, 0), new GeoPoint(0, 180)), 1e-6);
        // Along a parallel the great circle is shorter than the parallel itself.
        double parallel = degree * Math.cos(Math.toRadians(60));
        double across = PointsCalculator.distanceKm(new GeoPoint(60, 10), new GeoPoint(60, 11));
        assertEquals(parallel, across, 0.01);
        assertTrue(across < parallel);
    }

    @Test
    void roundsDistanceToWholeKilometresHalfUp() {
        // 0.1° of latitude is 11.1195 km; 0.045° is 5.0038 km; 0.0455° is 5.0594 km.
        MatchingWeights distanceOnly = new MatchingWeights(0, 0, 0, 0, 0, 0, 2);
        Fixtures.MatchingInstanceBuilder builder = problem().weights(distanceOnly).teachers(teacher(1)).posts(post(10))
                .location("S1", 40.0, 116.0);
        assertEquals(-22, points(builder.location("S2", 40.1, 116.0)).distance());
        assertEquals(-10, points(builder.location("S2", 40.045, 116.0)).distance());
        assertEquals(0, points(problem().weights(distanceOnly).teachers(teacher(1)).posts(post(10))
                .location("S1", 40.0, 116.0)).distance());
    }

    @Test
    void scoresLevelsAboveTheRequirementAndNotBelowIt() {
        Points points = points(problem().teachers(teacher(1).title(Title.SECOND).backbone(BackboneLevel.DISTRICT))
                .posts(post(10).minBackbone(BackboneLevel.SPECIAL_GRADE)));
        assertEquals(0, points.backbone());
        assertEquals(3, points.title());
        assertEquals(new Points(0, 0, 3, 0, 0, 0, 3), points);
    }

    @Test
    void preferencePointsFallWithRankAndNeverGoNegative() {
        Fixtures.MatchingInstanceBuilder builder = problem().teachers(teacher(1)).posts(post(10))
                .weights(new MatchingWeights(0, 0, 0, 0, 10, 4, 0));
        assertEquals(10, points(builder.prefers(1, 10L)).preference());
        assertEquals(2, points(builder.prefers(1, 1L, 2L, 10L)).preference());
        assertEquals(0, points(builder.prefers(1, 1L, 2L, 3L, 10L)).preference());
        assertEquals(10, points(builder.prefers(1, 10L, 10L)).preference());
    }
}
