package org.xietong.systemtests.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether each JVM's memory stayed flat between two {@linkplain MemoryWatch#mark marks} (both after a forced full
 * collection): the heap left and the RSS may grow by at most a bound, the larger of a fixed amount and a share of
 * what the JVM had at the first mark.
 */
public record MemoryVerdict(List<String> lines, List<String> failures) {

    /** Allowed growth: at most {@code max(heapMb, heapPercent %)} of heap after GC, likewise for RSS. */
    public record Bounds(int heapMb, int heapPercent, int rssMb, int rssPercent) {

        long heap(long base) {
            return Math.max(heapMb * MB, base * heapPercent / 100);
        }

        long rss(long base) {
            return Math.max(rssMb * MB, base * rssPercent / 100);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap after GC +max(%d MB, %d %%), RSS after GC +max(%d MB, %d %%)",
                    heapMb, heapPercent, rssMb, rssPercent);
        }
    }

    private static final long MB = 1024 * 1024;

    public static MemoryVerdict judge(MemoryWatch.Row from, MemoryWatch.Row to, Bounds bounds) {
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, MemoryWatch.Reading> entry : from.readings().entrySet()) {
            String jvm = entry.getKey();
            MemoryWatch.Reading before = entry.getValue();
            MemoryWatch.Reading after = to.readings().get(jvm);
            if (before.heapUsed() < 0 || after.heapUsed() < 0 || before.rss() <= 0 || after.rss() <= 0) {
                failures.add(jvm + ": memory not readable (" + before + ", " + after + ")");
                continue;
            }
            String heap = growth("heap after GC", before.heapUsed(), after.heapUsed(), bounds.heap(before.heapUsed()));
            String rss = growth("RSS after GC", before.rss(), after.rss(), bounds.rss(before.rss()));
            lines.add(String.format(Locale.ROOT, "%-24s %s; %s", jvm, heap, rss));
            if (heap.endsWith("TOO MUCH")) {
                failures.add(jvm + " " + heap);
            }
            if (rss.endsWith("TOO MUCH")) {
                failures.add(jvm + " " + rss);
            }
        }
        return new MemoryVerdict(List.copyOf(lines), List.copyOf(failures));
    }

    private static String growth(String what, long before, long after, long allowed) {
        long grown = after - before;
        return String.format(Locale.ROOT, "%s %.1f → %.1f MB (%+.1f MB, %+.1f %%; allowed +%.1f MB) %s", what,
                before / (double) MB, after / (double) MB, grown / (double) MB, 100.0 * grown / before,
                allowed / (double) MB, grown <= allowed ? "ok" : "TOO MUCH");
    }
}
