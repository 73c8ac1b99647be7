package org.xietong.rotation.matching;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingResult.Slot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimal matcher against an exhaustive search over every assignment of small random instances. */
class OptimalMatcherBruteForceTest {

    private static final int INSTANCES = 300;

    @Test
    void equalsExhaustiveSearchOnSmallInstances() {
        OptimalMatcher matcher = new OptimalMatcher();
        int nonTrivial = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            MatchingInstance problem = RandomInstances.generate(seed, 6, 4);
            long[] best = new BruteForce(problem).best();
            MatchingResult result = matcher.match(problem);
            String context = "seed " + seed + ": " + problem;
            assertEquals(List.of(), Reference.check(problem, result), context);
            assertEquals(best[0], result.seatsFilled(), "seats, " + context);
            assertEquals(best[1], result.totalPoints(), "points, " + context);
            assertTrue(result.provenOptimal());
            assertEquals(OptimalMatcher.SOLVER, result.solver());
            if (best[0] > 0 && best[0] < result.seatsOffered()) {
                nonTrivial++;
            }
        }
        // The generator must keep producing instances where choosing matters.
        assertTrue(nonTrivial > INSTANCES / 4, "only " + nonTrivial + " instances were partly filled");
    }

    /** Tries every teacher on every slot they may take (or none), keeping seat and cap counts. */
    private static final class BruteForce {
        private final MatchingInstance problem;
        private final List<List<Option>> options = new ArrayList<>();
        private final Map<String, Integer> slotLeft = new HashMap<>();
        private final Map<CapKey, Integer> capLeft = new HashMap<>();
        private long bestSeats = -1;
        private long bestPoints;

        private record Option(String slotKey, CapKey group, int points) {
        }

        BruteForce(MatchingInstance problem) {
            this.problem = problem;
            for (MatchingPost post : problem.posts()) {
                Reference.slotSeats(post).forEach((slot, seats) -> slotLeft.put(post.id() + "/" + slot, seats));
            }
            capLeft.putAll(problem.outflowCaps());
            for (MatchingTeacher teacher : problem.teachers()) {
                List<Option> mine = new ArrayList<>();
                CapKey group = new CapKey(teacher.schoolCode(), teacher.subjects().get(0));
                for (MatchingPost post : problem.posts()) {
                    for (Slot slot : Slot.values()) {
                        if (Reference.compatible(problem, teacher, post, slot)) {
                            mine.add(new Option(post.id() + "/" + slot, group,
                                    Reference.points(problem, teacher, post).total()));
                        }
                    }
                }
                options.add(mine);
            }
        }

        long[] best() {
            search(0, 0, 0);
            return new long[] {bestSeats, bestPoints};
        }

        private void search(int teacher, long seats, long points) {
            if (teacher == options.size()) {
                if (seats > bestSeats || seats == bestSeats && points > bestPoints) {
                    bestSeats = seats;
                    bestPoints = points;
                }
                return;
            }
            search(teacher + 1, seats, points);
            for (Option option : options.get(teacher)) {
                Integer cap = capLeft.get(option.group());
                if (slotLeft.get(option.slotKey()) == 0 || cap != null && cap == 0) {
                    continue;
                }
                slotLeft.merge(option.slotKey(), -1, Integer::sum);
                if (cap != null) {
                    capLeft.put(option.group(), cap - 1);
                }
                search(teacher + 1, seats + 1, points + option.points());
                slotLeft.merge(option.slotKey(), 1, Integer::sum);
                if (cap != null) {
                    capLeft.put(option.group(), cap);
                }
            }
        }
    }
}
