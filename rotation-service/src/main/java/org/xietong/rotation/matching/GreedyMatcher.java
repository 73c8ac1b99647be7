package org.xietong.rotation.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The baseline the optimal matcher is measured against: take compatible (teacher, slot) pairs best points first
 * (ties by teacher id, then post id, leader before member), each one the teacher is still free for, the slot has a
 * seat for and the teacher's outflow cap allows. Not used by the service.
 */
public final class GreedyMatcher implements Matcher {

    public static final String SOLVER = "greedy (points first)";

    @Override
    public MatchingResult match(MatchingInstance problem) {
        long start = System.nanoTime();
        MatchingGraph graph = new MatchingGraph(problem);
        int[] assigned = new int[graph.teachers.length];
        Arrays.fill(assigned, -1);
        int[] seatsLeft = graph.slotCapacity.clone();
        int[] capLeft = graph.groupCap.clone();
        for (int arc : byPointsDescending(graph)) {
            int t = graph.arcTeacher[arc];
            int s = graph.arcSlot[arc];
            int group = graph.teacherGroup[t];
            if (assigned[t] >= 0 || seatsLeft[s] == 0 || group >= 0 && capLeft[group] == 0) {
                continue;
            }
            assigned[t] = arc;
            seatsLeft[s]--;
            if (group >= 0) {
                capLeft[group]--;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return graph.result(SOLVER, assigned, null, millis, false);
    }

    /**
     * Arcs are laid out by teacher id then slot (post id, leader first), so ordering by points alone with a stable
     * tie-break on the arc index gives the documented order. Packing both into one long keeps the sort primitive.
     */
    private static int[] byPointsDescending(MatchingGraph graph) {
        int arcs = graph.arcCount();
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (int points : graph.arcPoints) {
            max = Math.max(max, points);
            min = Math.min(min, points);
        }
        if (arcs > 0 && (long) max - min >= 1L << 31) {
            return IntStream.range(0, arcs).boxed()
                    .sorted(Comparator.<Integer>comparingInt(a -> graph.arcPoints[a]).reversed()
                            .thenComparingInt(a -> a))
                    .mapToInt(Integer::intValue).toArray();
        }
        long[] keys = new long[arcs];
        for (int arc = 0; arc < arcs; arc++) {
            keys[arc] = ((long) max - graph.arcPoints[arc]) << 32 | arc;
        }
        Arrays.sort(keys);
        int[] order = new int[arcs];
        for (int i = 0; i < arcs; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}
