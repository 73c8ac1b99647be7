package org.xietong.benchmarks;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Settles a partner province's batch ({@link SettlementBatch}: 200,000 bills × 5 lines by default) through
 * healthcare-link-service's settlement engine in this JVM, with accumulators carried in memory per person and year as
 * the batch endpoint does. Bills are generated before the clock starts; every settled bill is checked to add up to
 * the fen. {@link PerformanceReport} records the same batch over HTTP.
 */
public final class SettlementBenchmark {

    private SettlementBenchmark() {
    }

    public static void main(String[] args) {
        long begin = System.nanoTime();
        SettlementBatch batch = SettlementBatch.fromSystemProperties();
        double generateSeconds = seconds(System.nanoTime() - begin);
        int billCount = batch.bills.size();

        // A short warm-up (accumulators of its own), so the timed run measures settling rather than class loading.
        batch.settle(batch.bills.subList(0, Math.min(20_000, billCount)));

        begin = System.nanoTime();
        SettlementBatch.Totals totals = batch.settle(batch.bills);
        long nanos = System.nanoTime() - begin;
        double settleSeconds = seconds(nanos);
        long lines = batch.lines();

        System.out.printf(Locale.ROOT, "%nXietong settlement benchmark — %s, %d cores, %.1f GB heap max of this JVM%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
        System.out.println("| figure | measured | goal |");
        System.out.println("|---|---|---|");
        row("batch", String.format(Locale.ROOT, "%s; generated in %.1f s, not timed", batch.describe(), generateSeconds), "");
        row("settle time (engine, accumulators in memory, one thread)", String.format(Locale.ROOT, "%.2f s", settleSeconds),
                "≤ 60 s for 1,000,000 lines");
        row("throughput", String.format(Locale.ROOT, "%,.0f lines/s, %,.0f bills/s", lines / settleSeconds,
                billCount / settleSeconds), "");
        row("per bill", String.format(Locale.ROOT, "%.1f µs", nanos / 1e3 / billCount), "");
        row("settled", String.format(Locale.ROOT, "total %s yuan, fallback %s, patients %s; every bill's parts add up "
                + "to its total", totals.total().toPlainString(), totals.fallback().toPlainString(),
                totals.patientPays().toPlainString()), "");
        row("JVM heap used", String.format(Locale.ROOT, "%,d MB with the batch held", usedHeap() >> 20), "");
    }

    private static void row(String figure, String measured, String goal) {
        System.out.println("| " + figure + " | " + measured + " | " + goal + " |");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
