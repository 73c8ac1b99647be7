package org.xietong.rotation.matching;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingResult.Proposal;
import org.xietong.rotation.matching.MatchingResult.Slot;
import org.xietong.rotation.matching.MatchingResult.UnfilledReason;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.Subject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.matching.Fixtures.post;
import static org.xietong.rotation.matching.Fixtures.problem;
import static org.xietong.rotation.matching.Fixtures.teacher;

class StableMatcherTest {

    private final StableMatcher matcher = new StableMatcher();

    @Test
    void isStableOnRandomInstances() {
        int withProposals = 0;
        for (long seed = 1; seed <= 400; seed++) {
            MatchingInstance problem = RandomInstances.generate(seed, seed % 2 == 0 ? 8 : 40, seed % 2 == 0 ? 5 : 20);
            StableMatcher.Outcome outcome = matcher.solve(problem);
            assertEquals(List.of(), Reference.check(problem, outcome.result()), "seed " + seed);
            assertEquals(List.of(), StabilityChecker.blockingPairs(problem, outcome.result()), "seed " + seed);
            assertEquals(StabilityChecker.participants(problem), outcome.participants(), "seed " + seed);
            assertFalse(outcome.result().provenOptimal());
            withProposals += outcome.result().seatsFilled() > 0 ? 1 : 0;
        }
        assertTrue(withProposals > 200, "only " + withProposals + " instances had proposals");
    }

    /**
     * Gale and Shapley's three-by-three example where the two sides disagree: teacher-proposing must give the
     * teachers their first choices (A–X, B–Y), not the posts' (A–Y, B–X).
     */
    @Test
    void givesTeachersTheirBestStableMatchingOnTheTextbookInstance() {
        MatchingWeights tagsOnly = new MatchingWeights(10, 0, 0, 0, 0, 0, 0);
        MatchingInstance problem = problem()
                .weights(tagsOnly)
                .teachers(teacher(1).tags("x1", "y1", "y2"), teacher(2).tags("x1", "x2", "y1"), teacher(3))
                .posts(post(10).preferredTags("x1", "x2"), post(20).preferredTags("y1", "y2"), post(30))
                .prefers(1, 10L, 20L, 30L)
                .prefers(2, 20L, 10L, 30L)
                .prefers(3, 10L, 20L, 30L)
                .build();
        MatchingResult result = matcher.match(problem);
        assertEquals(Map.of(1L, 10L, 2L, 20L, 3L, 30L), result.proposals().stream()
                .collect(Collectors.toMap(Proposal::teacherId, Proposal::postId)));
        assertEquals(List.of(), StabilityChecker.blockingPairs(problem, result));
        assertEquals(StableMatcher.SOLVER, result.solver());
    }

    @Test
    void letsTheLongestServingTakePartWhenACapBinds() {
        MatchingInstance problem = problem()
                .teachers(teacher(1).joined(LocalDate.of(2020, 9, 1)), teacher(2).joined(LocalDate.of(2010, 9, 1)),
                        teacher(3).joined(null), teacher(4).joined(LocalDate.of(2010, 9, 1)),
                        teacher(5).joined(LocalDate.of(2001, 9, 1)).subjects(Subject.PE))
                .posts(post(10).seats(5))
                .cap("S1", Subject.MATH, 2)
                .prefers(1, 10L).prefers(2, 10L).prefers(3, 10L).prefers(4, 10L).prefers(5, 10L)
                .build();
        StableMatcher.Outcome outcome = matcher.solve(problem);
        // Teacher 5 ranks the post but may not take it, so does not count against the cap.
        assertEquals(List.of(2L, 4L), outcome.participants());
        assertEquals(Set.of(2L, 4L), outcome.result().proposals().stream().map(Proposal::teacherId)
                .collect(Collectors.toSet()));
        assertEquals(UnfilledReason.OUTFLOW_CAP_REACHED, outcome.result().unfilled().get(0).reason());
    }

    @Test
    void expandsATeamAidPostIntoLeaderThenMember() {
        MatchingInstance problem = problem()
                .teachers(teacher(1).cadre(), teacher(2).cadre().tags("STEM"), teacher(3))
                .posts(post(10).mode(PostMode.TEAM_AID).seats(2).preferredTags("STEM"))
                .prefers(1, 10L).prefers(2, 10L).prefers(3, 10L)
                .build();
        MatchingResult result = matcher.match(problem);
        // Teacher 2 earns more and wins the leader seat; teacher 1 falls back to the member seat over teacher 3 by id.
        assertEquals(List.of(new Proposal(1, 10, Slot.MEMBER, result.proposals().get(0).points()),
                new Proposal(2, 10, Slot.LEADER, result.proposals().get(1).points())), result.proposals());
        assertEquals(List.of(), StabilityChecker.blockingPairs(problem, result));
    }

    @Test
    void skipsIncompatibleRankedPostsAndLeavesOutTeachersWithoutPreferences() {
        MatchingInstance problem = problem()
                .teachers(teacher(1), teacher(2), teacher(3).subjects(Subject.PE))
                .posts(post(10).subject(Subject.PE), post(11), post(12))
                .prefers(1, 10L, 11L)
                .prefers(3, 10L)
                .build();
        StableMatcher.Outcome outcome = matcher.solve(problem);
        assertEquals(List.of(1L, 3L), outcome.participants());
        assertEquals(Map.of(1L, 11L, 3L, 10L), outcome.result().proposals().stream()
                .collect(Collectors.toMap(Proposal::teacherId, Proposal::postId)));
        assertEquals(UnfilledReason.NOT_RANKED, outcome.result().unfilled().get(0).reason());
        assertEquals(12, outcome.result().unfilled().get(0).postId());
    }

    /** Blocking pairs and participants recomputed from the specification with {@link Reference}'s rules. */
    static final class StabilityChecker {

        private record Choice(long postId, Slot slot) {
        }

        static List<Choice> ranked(MatchingInstance problem, MatchingTeacher teacher) {
            List<Choice> choices = new ArrayList<>();
            for (long postId : new LinkedHashSet<>(problem.preferences().getOrDefault(teacher.id(), List.of()))) {
                MatchingPost post = problem.posts().stream().filter(p -> p.id() == postId).findFirst().orElse(null);
                if (post == null) {
                    continue;
                }
                for (Slot slot : List.of(Slot.LEADER, Slot.MEMBER)) {
                    if (Reference.compatible(problem, teacher, post, slot)) {
                        choices.add(new Choice(postId, slot));
                    }
                }
            }
            return choices;
        }

        static List<Long> participants(MatchingInstance problem) {
            Map<CapKey, List<MatchingTeacher>> groups = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            for (MatchingTeacher teacher : problem.teachers()) {
                if (ranked(problem, teacher).isEmpty()) {
                    continue;
                }
                CapKey key = new CapKey(teacher.schoolCode(), teacher.subjects().get(0));
                if (problem.outflowCaps().containsKey(key)) {
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(teacher);
                } else {
                    ids.add(teacher.id());
                }
            }
            groups.forEach((key, members) -> members.stream()
                    .sorted(Comparator.comparing(MatchingTeacher::joinedSchoolOn,
                            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(MatchingTeacher::id))
                    .limit(Math.max(0, problem.outflowCaps().get(key)))
                    .forEach(t -> ids.add(t.id())));
            ids.sort(null);
            return ids;
        }

        /** Slot order: more points on the post, then the lower id. */
        private static boolean slotPrefers(MatchingInstance problem, MatchingPost post, MatchingTeacher a,
                                           MatchingTeacher b) {
            int pa = Reference.points(problem, a, post).total();
            int pb = Reference.points(problem, b, post).total();
            return pa > pb || pa == pb && a.id() < b.id();
        }

        static List<String> blockingPairs(MatchingInstance problem, MatchingResult result) {
            List<String> problems = new ArrayList<>();
            List<Long> participants = participants(problem);
            Map<Long, Choice> assignment = new HashMap<>();
            Map<Choice, List<Long>> holders = new HashMap<>();
            for (Proposal proposal : result.proposals()) {
                Choice choice = new Choice(proposal.postId(), proposal.slot());
                assignment.put(proposal.teacherId(), choice);
                holders.computeIfAbsent(choice, c -> new ArrayList<>()).add(proposal.teacherId());
                if (!participants.contains(proposal.teacherId())) {
                    problems.add("non-participant " + proposal.teacherId() + " placed");
                }
            }
            for (long id : participants) {
                MatchingTeacher teacher = Reference.teacher(problem, id);
                List<Choice> ranked = ranked(problem, teacher);
                Choice current = assignment.get(id);
                int currentRank = current == null ? ranked.size() : ranked.indexOf(current);
                if (currentRank < 0) {
                    problems.add("teacher " + id + " placed on " + current + " they did not rank");
                    continue;
                }
                for (Choice better : ranked.subList(0, currentRank)) {
                    MatchingPost post = Reference.post(problem, better.postId());
                    int seats = Reference.slotSeats(post).get(better.slot());
                    List<Long> holding = holders.getOrDefault(better, List.of());
                    if (holding.size() < seats) {
                        problems.add("teacher " + id + " and free " + better);
                    } else if (holding.stream().anyMatch(other ->
                            slotPrefers(problem, post, teacher, Reference.teacher(problem, other)))) {
                        problems.add("teacher " + id + " and " + better + " holding a teacher it ranks lower");
                    }
                }
            }
            return problems;
        }
    }
}
