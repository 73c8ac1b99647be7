package org.xietong.rotation.matching;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.matching.MatchingResult.Proposal;
import org.xietong.rotation.matching.MatchingResult.Slot;
import org.xietong.rotation.matching.MatchingResult.Unfilled;
import org.xietong.rotation.matching.MatchingResult.UnfilledReason;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.Title;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.matching.Fixtures.post;
import static org.xietong.rotation.matching.Fixtures.problem;
import static org.xietong.rotation.matching.Fixtures.teacher;

class OptimalMatcherTest {

    private final OptimalMatcher matcher = new OptimalMatcher();

    private MatchingResult match(MatchingInstance problem) {
        MatchingResult result = matcher.match(problem);
        assertEquals(List.of(), Reference.check(problem, result));
        return result;
    }

    private static Map<Long, Long> postByTeacher(MatchingResult result) {
        return result.proposals().stream().collect(Collectors.toMap(Proposal::teacherId, Proposal::postId));
    }

    @Test
    void neverSendsATeacherToTheirOwnSchool() {
        MatchingResult result = match(problem()
                .teachers(teacher(1).school("S2", "R1"))
                .posts(post(10).school("S2", "R1"))
                .build());
        assertEquals(0, result.seatsFilled());
        assertEquals(UnfilledReason.NO_COMPATIBLE_TEACHER, result.unfilled().get(0).reason());
    }

    @Test
    void fillsTheMostSeatsBeforeTheMostPoints() {
        // Teacher 1 is the better fit for post 10 but the only one who can take post 11.
        MatchingResult result = match(problem()
                .teachers(teacher(1).subjects(Subject.MATH, Subject.PE).tags("STEM"), teacher(2))
                .posts(post(10).preferredTags("STEM"), post(11).subject(Subject.PE))
                .build());
        assertEquals(Map.of(1L, 11L, 2L, 10L), postByTeacher(result));
        assertTrue(result.provenOptimal());
        assertEquals(List.of(), result.unfilled());
    }

    @Test
    void respectsTheOutflowCapOfTheSchoolAndPrimarySubject() {
        MatchingResult result = match(problem()
                .teachers(teacher(1), teacher(2), teacher(3), teacher(4).school("S3", "R1"))
                .posts(post(10).seats(4))
                .cap("S1", Subject.MATH, 2)
                .build());
        assertEquals(3, result.seatsFilled());
        Unfilled unfilled = result.unfilled().get(0);
        assertEquals(new Unfilled(10, 1, UnfilledReason.OUTFLOW_CAP_REACHED, unfilled.detail()), unfilled);
    }

    @Test
    void countsAMultiSubjectTeacherUnderTheirPrimarySubject() {
        MatchingResult result = match(problem()
                .teachers(teacher(1).subjects(Subject.CHINESE, Subject.MATH), teacher(2))
                .posts(post(10).seats(2))
                .cap("S1", Subject.MATH, 1)
                .cap("S1", Subject.CHINESE, 0)
                .build());
        assertEquals(Map.of(2L, 10L), postByTeacher(result));
    }

    @Test
    void crossesDistrictsOnlyBetweenLinkedSchoolsWhenTheRuleIsOn() {
        Fixtures.MatchingInstanceBuilder builder = problem()
                .teachers(teacher(1), teacher(2).school("S3", "R1"))
                .posts(post(10).school("S9", "R2"), post(11).school("S8", "R2"))
                .link("S1", "S9");
        assertEquals(2, match(builder.build()).seatsFilled());
        MatchingResult ruled = match(builder.crossDistrictLinkedOnly().build());
        assertEquals(Map.of(1L, 10L), postByTeacher(ruled));
        assertEquals(List.of(11L), ruled.unfilled().stream().map(Unfilled::postId).toList());
        assertEquals(UnfilledReason.NO_COMPATIBLE_TEACHER, ruled.unfilled().get(0).reason());
    }

    @Test
    void secondmentNeedsACadre() {
        MatchingResult result = match(problem()
                .teachers(teacher(1), teacher(2).cadre())
                .posts(post(10).mode(PostMode.SECONDMENT).seats(2))
                .build());
        assertEquals(Map.of(2L, 10L), postByTeacher(result));
    }

    @Test
    void teamAidHasOneCadreLeaderOfAnySubjectAndSubjectMembers() {
        MatchingResult result = match(problem()
                .teachers(teacher(1).subjects(Subject.PE).cadre(), teacher(2), teacher(3), teacher(4).cadre(),
                        teacher(5).subjects(Subject.PE))
                .posts(post(10).mode(PostMode.TEAM_AID).seats(3))
                .build());
        assertEquals(3, result.seatsFilled());
        Map<Long, Slot> slots = result.proposals().stream()
                .collect(Collectors.toMap(Proposal::teacherId, Proposal::slot));
        assertEquals(1, slots.values().stream().filter(s -> s == Slot.LEADER).count());
        assertTrue(slots.get(1L) == Slot.LEADER || slots.get(4L) == Slot.LEADER);
        assertTrue(!slots.containsKey(5L));
    }

    @Test
    void aOneSeatTeamAidPostIsOnlyALeader() {
        MatchingResult result = match(problem()
                .teachers(teacher(1), teacher(2))
                .posts(post(10).mode(PostMode.TEAM_AID))
                .build());
        assertEquals(0, result.seatsFilled());
        assertEquals(UnfilledReason.NO_COMPATIBLE_TEACHER, result.unfilled().get(0).reason());
        assertTrue(result.unfilled().get(0).detail().startsWith("leader"), result.unfilled().get(0).detail());
    }

    @Test
    void shadowingNeedsALinkButNotEligibility() {
        Fixtures.MatchingInstanceBuilder builder = problem()
                .teachers(teacher(1).notEligible(), teacher(2).school("S3", "R1"))
                .posts(post(10).mode(PostMode.SHADOWING).seats(2), post(11));
        MatchingResult unlinked = match(builder.build());
        assertEquals(Map.of(2L, 11L), postByTeacher(unlinked));
        MatchingResult linked = match(builder.link("S1", "S2").build());
        assertEquals(Map.of(1L, 10L, 2L, 11L), postByTeacher(linked));
    }

    @Test
    void enforcesTitleBackboneAndLevel() {
        MatchingResult result = match(problem()
                .teachers(teacher(1).title(Title.SECOND), teacher(2).title(Title.SENIOR),
                        teacher(3).backbone(BackboneLevel.DISTRICT),
                        teacher(4).backbone(BackboneLevel.MUNICIPAL).title(Title.SENIOR)
                                .level(org.xietong.rotation.teacher.TeachingLevel.SENIOR))
                .posts(post(10).minTitle(Title.FIRST).minBackbone(BackboneLevel.MUNICIPAL),
                        post(11).minTitle(Title.SENIOR))
                .build());
        assertEquals(Map.of(2L, 11L), postByTeacher(result));
        assertEquals(UnfilledReason.NO_COMPATIBLE_TEACHER, result.unfilled().get(0).reason());
    }

    @Test
    void explainsSeatsLeftWhenCompatibleTeachersAreTaken() {
        // Both posts want the one teacher; the other post stays open although a teacher could take it.
        MatchingResult result = match(problem()
                .teachers(teacher(1).tags("STEM"))
                .posts(post(10).preferredTags("STEM"), post(11))
                .build());
        assertEquals(Map.of(1L, 10L), postByTeacher(result));
        Unfilled unfilled = result.unfilled().get(0);
        assertEquals(11, unfilled.postId());
        assertEquals(UnfilledReason.COMPATIBLE_TEACHERS_TAKEN, unfilled.reason());
        assertTrue(unfilled.detail().contains("1 compatible"), unfilled.detail());
    }

    @Test
    void reportsEachProposalsPointsBreakdown() {
        MatchingResult result = match(problem()
                .teachers(teacher(1).tags("STEM", "阅读推广").backbone(BackboneLevel.MUNICIPAL).title(Title.SENIOR))
                .posts(post(10).preferredTags("STEM", "阅读推广", "心理健康").minBackbone(BackboneLevel.SCHOOL))
                .link("S1", "S2")
                .location("S1", 39.9, 116.4)
                .location("S2", 40.4, 116.4)
                .prefers(1, 99L, 10L)
                .build());
        // 2 tags × 10; (MUNICIPAL − SCHOOL) 2 × 5; (SENIOR − THIRD) 3 × 3; linked 20; 2nd choice 30 − 3;
        // 0.5° of latitude is 55.6 km, rounded to 56 at 1 point each.
        assertEquals(new MatchingResult.Points(20, 10, 9, 20, 27, -56, 30), result.proposals().get(0).points());
        assertEquals(30, result.totalPoints());
    }

    @Test
    void isDeterministicWhateverTheInputOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            MatchingInstance problem = RandomInstances.generate(seed, 60, 30);
            MatchingResult first = matcher.match(problem);
            Random random = new Random(seed);
            List<MatchingTeacher> teachers = new ArrayList<>(problem.teachers());
            List<MatchingPost> posts = new ArrayList<>(problem.posts());
            Collections.shuffle(teachers, random);
            Collections.shuffle(posts, random);
            MatchingInstance shuffled = new MatchingInstance(teachers, posts, problem.outflowCaps(), problem.links(),
                    problem.locations(), problem.preferences(), problem.crossDistrictLinkedOnly(), problem.weights());
            MatchingResult second = matcher.match(shuffled);
            assertEquals(first.proposals(), second.proposals(), "seed " + seed);
            assertEquals(first.unfilled(), second.unfilled(), "seed " + seed);
            assertEquals(List.of(), Reference.check(shuffled, second));
        }
    }

    @Test
    void neverDoesWorseThanGreedyOnLargerInstances() {
        GreedyMatcher greedy = new GreedyMatcher();
        for (long seed = 1; seed <= 30; seed++) {
            MatchingInstance problem = RandomInstances.generate(seed, 80, 40);
            MatchingResult optimal = match(problem);
            MatchingResult baseline = greedy.match(problem);
            assertEquals(List.of(), Reference.check(problem, baseline), "greedy, seed " + seed);
            assertTrue(optimal.seatsFilled() >= baseline.seatsFilled(), "seed " + seed);
            if (optimal.seatsFilled() == baseline.seatsFilled()) {
                assertTrue(optimal.totalPoints() >= baseline.totalPoints(), "seed " + seed);
            }
        }
    }

    @Test
    void handlesAnEmptyProblem() {
        MatchingResult result = match(problem().build());
        assertEquals(0, result.seatsOffered());
        assertTrue(result.provenOptimal());
    }
}
