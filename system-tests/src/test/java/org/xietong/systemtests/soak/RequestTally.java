package org.xietong.systemtests.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every answer the soak got, by request kind: how many, how fast, which statuses. Answers outside a kind's expected
 * statuses (and failures to get an answer at all, status {@value #NO_ANSWER}) are kept as examples for the report.
 */
public final class RequestTally {

    public static final int NO_ANSWER = -1;
    private static final int EXAMPLES = 20;

    private final Map<String, KindStats> kinds = new LinkedHashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private long unexpectedCount;

    public synchronized void record(RequestKind kind, int status, long nanos, String detail) {
        kinds.computeIfAbsent(kind.name(), name -> new KindStats()).add(status, nanos);
        if (!kind.expects(status)) {
            unexpectedCount++;
            if (unexpected.size() < EXAMPLES) {
                unexpected.add(kind.name() + " answered " + (status == NO_ANSWER ? "nothing" : status) + ": " + detail);
            }
        }
    }

    /** A failure of the soak's own code (a virtual user's iteration broke off): it fails the soak as well. */
    public synchronized void recordFailure(String detail) {
        unexpectedCount++;
        if (unexpected.size() < EXAMPLES) {
            unexpected.add(detail);
        }
    }

    public synchronized long total() {
        return kinds.values().stream().mapToLong(k -> k.count).sum();
    }

    public synchronized long count(String kind) {
        KindStats stats = kinds.get(kind);
        return stats == null ? 0 : stats.count;
    }

    public synchronized long unexpectedCount() {
        return unexpectedCount;
    }

    public synchronized List<String> unexpectedExamples() {
        return List.copyOf(unexpected);
    }

    /** One line per kind: count, median and 99th-percentile latency, statuses with their counts. */
    public synchronized String table() {
        int width = kinds.keySet().stream().mapToInt(String::length).max().orElse(4) + 2;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %7s %9s %9s  %s%n",
                "kind", "count", "p50 ms", "p99 ms", "statuses"));
        kinds.forEach((name, stats) -> out.append(String.format(Locale.ROOT, "%-" + width + "s %7d %9.1f %9.1f  %s%n",
                name, stats.count, stats.percentileMillis(50), stats.percentileMillis(99), stats.statuses())));
        return out.toString();
    }

    private static final class KindStats {
        private long count;
        private long[] nanos = new long[64];
        private final Map<Integer, Long> statuses = new TreeMap<>();

        void add(int status, long latency) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[(int) count++] = latency;
            statuses.merge(status, 1L, Long::sum);
        }

        /** Nearest-rank percentile. */
        double percentileMillis(int percentile) {
            long[] sorted = Arrays.copyOf(nanos, (int) count);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        String statuses() {
            return statuses.entrySet().stream()
                    .map(e -> (e.getKey() == NO_ANSWER ? "none" : e.getKey().toString()) + "×" + e.getValue())
                    .collect(Collectors.joining(" "));
        }
    }
}
