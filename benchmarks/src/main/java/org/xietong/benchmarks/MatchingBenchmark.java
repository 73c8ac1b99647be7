package org.xietong.benchmarks;

import org.xietong.rotation.matching.CompatibilityRules;
import org.xietong.rotation.matching.GreedyMatcher;
import org.xietong.rotation.matching.MatchingPost;
import org.xietong.rotation.matching.MatchingInstance;
import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.matching.MatchingResult.Unfilled;
import org.xietong.rotation.matching.MatchingResult.UnfilledReason;
import org.xietong.rotation.matching.OptimalMatcher;
import org.xietong.rotation.matching.StableMatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures teacher-to-post matching (按岗定人) on a Beijing-scale instance ({@link BeijingInstance}), in this JVM:
 * the optimal min-cost-flow matcher against the greedy baseline, and the stable (deferred-acceptance) mode. The
 * optimal matcher runs first, on a cold JVM, as the service's first run of the day would. Every figure is measured
 * in the run that prints it. System properties: seed, schools, teachers, seats.
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    /** The instance's parameters: system properties seed, schools, teachers, seats. */
    record Scale(long seed, int schools, int teachers, int seats) {

        static Scale fromSystemProperties() {
            return new Scale(Long.getLong("seed", 20250901L), Integer.getInteger("schools", 2_000),
                    Integer.getInteger("teachers", 53_000), Integer.getInteger("seats", 45_000));
        }

        MatchingInstance generate() {
            return BeijingInstance.generate(seed, schools, teachers, seats);
        }
    }

    /** The optimal matcher's first solve in this JVM: its result, wall time, and the natives' load time before it. */
    record Optimal(MatchingResult result, long wallMillis, double nativeLoadSeconds) {
    }

    public static void main(String[] args) throws IOException {
        Scale scale = Scale.fromSystemProperties();
        long seed = scale.seed();
        int schools = scale.schools();

        long begin = System.nanoTime();
        MatchingInstance problem = scale.generate();
        double generateSeconds = seconds(System.nanoTime() - begin);
        int seats = problem.posts().stream().mapToInt(MatchingPost::seats).sum();
        System.out.printf(Locale.ROOT, "instance generated in %.1f s (seed %d)%n", generateSeconds, seed);

        Optimal first = solveOptimal(problem);
        MatchingResult optimal = first.result();
        long optimalWall = first.wallMillis();
        double loadSeconds = first.nativeLoadSeconds();
        long heapAfterSolve = usedHeap();
        String rssAfterSolve = procStatus("VmRSS");

        begin = System.nanoTime();
        MatchingResult greedy = new GreedyMatcher().match(problem);
        long greedyWall = millis(System.nanoTime() - begin);

        begin = System.nanoTime();
        StableMatcher.Outcome stable = new StableMatcher().solve(problem);
        long stableWall = millis(System.nanoTime() - begin);

        begin = System.nanoTime();
        MatchingResult warm = new OptimalMatcher().match(problem);
        long warmWall = millis(System.nanoTime() - begin);
        if (warm.seatsFilled() != optimal.seatsFilled() || warm.totalPoints() != optimal.totalPoints()) {
            throw new IllegalStateException("two optimal runs disagree");
        }

        // The 20 % outflow cap binds on this instance; without it the solver faces the whole supply.
        MatchingInstance uncapped = new MatchingInstance(problem.teachers(), problem.posts(), Map.of(), problem.links(),
                problem.locations(), problem.preferences(), problem.crossDistrictLinkedOnly(), problem.weights());
        MatchingResult optimalUncapped = new OptimalMatcher().match(uncapped);
        MatchingResult greedyUncapped = new GreedyMatcher().match(uncapped);

        begin = System.nanoTime();
        int arcs = CompatibilityRules.compatiblePairs(problem);
        long graphMillis = millis(System.nanoTime() - begin);

        System.gc();
        long heapLive = usedHeap();

        System.out.printf(Locale.ROOT, "%nXietong matching benchmark — %s, %d cores, %.1f GB heap max of this JVM%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
        System.out.println("| figure | measured | goal |");
        System.out.println("|---|---|---|");
        row("instance", String.format(Locale.ROOT, "%,d schools in 16 districts, %,d teachers, %,d posts, %,d seats,"
                        + " %,d links, %,d capped groups, %,d teachers ranking posts", schools, problem.teachers().size(),
                problem.posts().size(), seats, problem.links().size(), problem.outflowCaps().size(),
                problem.preferences().size()), "");
        row("compatible (teacher, slot) pairs = choice arcs", String.format(Locale.ROOT,
                "%,d (index and points alone: %,d ms)", arcs, graphMillis), "");
        row("OR-Tools native libraries loaded", String.format(Locale.ROOT, "%.2f s, once per JVM", loadSeconds), "");
        row("optimal: solve time (build + solve, cold JVM)", String.format(Locale.ROOT,
                "%,d ms (wall %,d ms; warm re-run %,d ms)", optimal.solveMillis(), optimalWall, warm.solveMillis()),
                "≤ 10 s");
        row("optimal: proven optimal", String.valueOf(optimal.provenOptimal()), "true");
        row("optimal: seats filled", fill(optimal), "");
        row("optimal: total points", String.format(Locale.ROOT, "%,d", optimal.totalPoints()), "");
        row("optimal: unfilled posts by reason", reasons(optimal), "");
        row("greedy: seats filled", fill(greedy), "");
        row("greedy: total points", String.format(Locale.ROOT, "%,d", greedy.totalPoints()), "");
        row("greedy: time", String.format(Locale.ROOT, "%,d ms (wall %,d ms)", greedy.solveMillis(), greedyWall), "");
        row("optimal / greedy: points", ratio(optimal.totalPoints(), greedy.totalPoints()), "≥ 1");
        row("optimal / greedy: seats filled", ratio(optimal.seatsFilled(), greedy.seatsFilled()), "≥ 1");
        row("without outflow caps: optimal", fill(optimalUncapped) + String.format(Locale.ROOT,
                ", %,d points in %,d ms, proven optimal %s", optimalUncapped.totalPoints(), optimalUncapped.solveMillis(),
                optimalUncapped.provenOptimal()), "≤ 10 s");
        row("without outflow caps: greedy", fill(greedyUncapped) + String.format(Locale.ROOT, ", %,d points",
                greedyUncapped.totalPoints()), "");
        row("without outflow caps: optimal / greedy (points, seats)", ratio(optimalUncapped.totalPoints(),
                greedyUncapped.totalPoints()) + ", " + ratio(optimalUncapped.seatsFilled(), greedyUncapped.seatsFilled()),
                "seats ≥ 1; points count only among fillings of as many seats");
        row("stable: time", String.format(Locale.ROOT, "%,d ms (wall %,d ms)", stable.result().solveMillis(),
                stableWall), "");
        row("stable: participants", String.format(Locale.ROOT, "%,d of %,d teachers who ranked posts",
                stable.participants().size(), problem.preferences().size()), "");
        row("stable: seats filled", fill(stable.result()) + String.format(Locale.ROOT, ", %,d points",
                stable.result().totalPoints()), "");
        row("JVM heap used", String.format(Locale.ROOT, "%,d MB right after the optimal solve; %,d MB live after GC"
                + " with the instance held", heapAfterSolve >> 20, heapLive >> 20), "");
        row("process RSS", String.format(Locale.ROOT, "%s after the optimal solve; now %s, peak (VmHWM) %s",
                rssAfterSolve, procStatus("VmRSS"), procStatus("VmHWM")), "");
    }

    /** Solves {@code problem} optimally, timed after a throw-away solve has loaded OR-Tools' natives. */
    static Optimal solveOptimal(MatchingInstance problem) {
        long begin = System.nanoTime();
        new OptimalMatcher().match(new MatchingInstance(List.of(), List.of(), Map.of(), Set.of(), Map.of(), Map.of(),
                true, problem.weights()));
        double loadSeconds = seconds(System.nanoTime() - begin);
        begin = System.nanoTime();
        MatchingResult result = new OptimalMatcher().match(problem);
        return new Optimal(result, millis(System.nanoTime() - begin), loadSeconds);
    }

    private static void row(String figure, String measured, String goal) {
        System.out.println("| " + figure + " | " + measured + " | " + goal + " |");
    }

    static String fill(MatchingResult result) {
        return String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", result.seatsFilled(), result.seatsOffered(),
                100.0 * result.seatsFilled() / Math.max(1, result.seatsOffered()));
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) a / b);
    }

    private static String reasons(MatchingResult result) {
        Map<UnfilledReason, Integer> counts = new EnumMap<>(UnfilledReason.class);
        for (Unfilled unfilled : result.unfilled()) {
            counts.merge(unfilled.reason(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((reason, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %,d", reason, count)));
        return text.length() == 0 ? "none" : text.toString();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** A line of /proc/self/status, e.g. VmRSS, as the kernel prints it ("1234 kB" shown in MB). */
    private static String procStatus(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                long kb = Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                return String.format(Locale.ROOT, "%,d MB", kb >> 10);
            }
        }
        return "n/a";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
