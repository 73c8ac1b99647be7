package org.xietong.rotation.matching;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Stable mode: teacher-proposing deferred acceptance (Gale–Shapley with seat capacities), which gives every
 * teacher the best post they can have in any stable assignment.
 * <ul>
 *   <li>Teachers rank posts in {@link MatchingInstance#preferences()}, best first. A ranked post stands for the
 *   slots of it the teacher may take under the hard rules, a team-aid post's leader seat before its member seats;
 *   ranked posts the hard rules forbid are skipped. Teachers who ranked nothing take no part.</li>
 *   <li>Each slot prefers teachers with more points on its post, then the lower teacher id.</li>
 *   <li>Outflow caps are settled before anyone proposes: in each capped (school, primary subject) group, of the
 *   teachers with at least one compatible ranked post, only the {@code cap} longest-serving at their school take
 *   part (earliest {@code joinedSchoolOn} first, an unknown date last, then the lower id). As no group then has
 *   more participants than its cap, the caps cannot be broken and the result is stable among participants.</li>
 * </ul>
 * Not proven optimal: stability, not points, is what this mode is for.
 */
public final class StableMatcher implements Matcher {

    public static final String SOLVER = "deferred-acceptance (teacher-proposing)";

    /** The result and the ids of the teachers who took part, ascending. */
    public record Outcome(MatchingResult result, List<Long> participants) {
    }

    @Override
    public MatchingResult match(MatchingInstance problem) {
        return solve(problem).result();
    }

    public Outcome solve(MatchingInstance problem) {
        long start = System.nanoTime();
        MatchingGraph graph = new MatchingGraph(problem);
        int teacherCount = graph.teachers.length;
        int[][] choices = rankedArcs(graph, problem.preferences() == null ? Map.of() : problem.preferences());
        boolean[] participant = participants(graph, choices);

        int[] assigned = new int[teacherCount];
        Arrays.fill(assigned, -1);
        int[] participantRanked = new int[graph.slotPost.length];
        int[] nextChoice = new int[teacherCount];
        ArrayDeque<Integer> free = new ArrayDeque<>();
        List<Long> participantIds = new ArrayList<>();
        for (int t = 0; t < teacherCount; t++) {
            if (participant[t]) {
                free.add(t);
                participantIds.add(graph.teachers[t].id());
                for (int arc : choices[t]) {
                    participantRanked[graph.arcSlot[arc]]++;
                }
            }
        }
        // Worst held teacher on top: fewer points, then the higher id (teachers are indexed by id).
        Comparator<Integer> worstFirst = Comparator.<Integer>comparingInt(arc -> graph.arcPoints[arc])
                .thenComparing(Comparator.<Integer>comparingInt(arc -> graph.arcTeacher[arc]).reversed());
        Map<Integer, PriorityQueue<Integer>> held = new HashMap<>();
        while (!free.isEmpty()) {
            int t = free.poll();
            if (nextChoice[t] == choices[t].length) {
                continue;
            }
            int arc = choices[t][nextChoice[t]++];
            int s = graph.arcSlot[arc];
            PriorityQueue<Integer> holding = held.computeIfAbsent(s, k -> new PriorityQueue<>(worstFirst));
            if (holding.size() < graph.slotCapacity[s]) {
                holding.add(arc);
                assigned[t] = arc;
            } else if (worstFirst.compare(holding.peek(), arc) < 0) {
                int rejected = holding.poll();
                assigned[graph.arcTeacher[rejected]] = -1;
                free.add(graph.arcTeacher[rejected]);
                holding.add(arc);
                assigned[t] = arc;
            } else {
                free.add(t);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(graph.result(SOLVER, assigned, participantRanked, millis, false),
                List.copyOf(participantIds));
    }

    /** Per teacher, the arcs of the slots they ranked, best first; empty for teachers who ranked nothing usable. */
    private static int[][] rankedArcs(MatchingGraph graph, Map<Long, List<Long>> preferences) {
        Map<Long, Integer> postIndex = new HashMap<>();
        for (int p = 0; p < graph.posts.length; p++) {
            postIndex.putIfAbsent(graph.posts[p].id(), p);
        }
        int[][] choices = new int[graph.teachers.length][];
        for (int t = 0; t < graph.teachers.length; t++) {
            List<Long> ranked = preferences.getOrDefault(graph.teachers[t].id(), List.of());
            MatchingGraph.IntList arcs = new MatchingGraph.IntList(ranked.size() + 1);
            Set<Integer> seen = new HashSet<>();
            for (Long postId : ranked) {
                Integer p = postIndex.get(postId);
                if (p == null || !seen.add(p)) {
                    continue;
                }
                for (int s = graph.postFirstSlot[p]; s < graph.postFirstSlot[p + 1]; s++) {
                    int arc = graph.arcOf(t, s);
                    if (arc >= 0) {
                        arcs.add(arc);
                    }
                }
            }
            choices[t] = arcs.toArray();
        }
        return choices;
    }

    private static boolean[] participants(MatchingGraph graph, int[][] choices) {
        boolean[] participant = new boolean[graph.teachers.length];
        List<List<Integer>> byGroup = new ArrayList<>();
        for (int g = 0; g < graph.groupCount; g++) {
            byGroup.add(new ArrayList<>());
        }
        for (int t = 0; t < graph.teachers.length; t++) {
            if (choices[t].length == 0) {
                continue;
            }
            if (graph.teacherGroup[t] < 0) {
                participant[t] = true;
            } else {
                byGroup.get(graph.teacherGroup[t]).add(t);
            }
        }
        Comparator<Integer> longestServing = Comparator.<Integer, LocalDate>comparing(
                t -> graph.teachers[t].joinedSchoolOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(t -> graph.teachers[t].id());
        for (int g = 0; g < graph.groupCount; g++) {
            List<Integer> candidates = byGroup.get(g);
            candidates.sort(longestServing);
            for (int i = 0; i < Math.min(graph.groupCap[g], candidates.size()); i++) {
                participant[candidates.get(i)] = true;
            }
        }
        return participant;
    }
}
