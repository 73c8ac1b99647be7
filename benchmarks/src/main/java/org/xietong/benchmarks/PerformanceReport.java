package org.xietong.benchmarks;

import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.rotation.matching.MatchingPost;
import org.xietong.rotation.matching.MatchingInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The performance goals, all measured in one run on a private devstack (ports +11000) and printed as one
 * table ({@code ./xietong bench report}; also written to benchmarks/target/performance-report.md):
 * <ol>
 *   <li>the devstack started cold, on a fresh data directory: its time to ready, each application's start time
 *   (launch to ready, and Quarkus's own "started in"), each application's RSS once started and idle, then each
 *   application's start time alone, restarted on the running stack;</li>
 *   <li>on that stack: gateway vs direct ({@link GatewayBenchmark}), event propagation at 200 events/s
 *   ({@link EventsBenchmark}), 1,000,000 bill lines recorded over HTTP ({@link SettlementOverHttp}), and Beijing-scale
 *   matching in this JVM ({@link MatchingBenchmark});</li>
 *   <li>the devstack stopped and started again on the same data directory: its warm time to ready and start times.</li>
 * </ol>
 * A measurement that fails is reported as failed and the others still run. System properties: those of the single
 * benchmarks (gateway: threads, connections, seconds, warmup, latencySeconds, rounds, wrk; settlement: bills,
 * linesPerBill, people, items; matching: schools, teachers, seats), and rate, eventSeconds, idleSeconds,
 * settlementLimitSeconds.
 */
public final class PerformanceReport {

    private static final List<SuiteService> APPS = List.of(SuiteService.values());
    private static final Pattern STARTED_IN = Pattern.compile("\\) started in ([0-9.]+)s\\.");
    private static final double START_GOAL_SECONDS = 5;
    private static final long RSS_GOAL_MB = 250;

    private PerformanceReport() {
    }

    /** One row of the table. */
    record Row(String figure, String measured, String goal, String met) {

        static Row judged(String figure, String measured, String goal, boolean met) {
            return new Row(figure, measured, goal, met ? "yes" : "**no**");
        }

        static Row failed(String figure, String goal, String why) {
            return new Row(figure, "measurement failed: " + why, goal, "**no**");
        }

        String markdown() {
            return "| " + cell(figure) + " | " + cell(measured) + " | " + cell(goal) + " | " + met + " |";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    }

    /** A measurement's value, or why it failed. */
    record Attempt<T>(T value, String failure) {
    }

    interface Measurement<T> {
        T run() throws Exception;
    }

    /** An application's start: launch → ready, and what Quarkus printed ("started in"), in seconds. */
    record Start(double launchToReady, OptionalDouble quarkus) {

        String text() {
            return String.format(Locale.ROOT, "%.1f s", launchToReady)
                    + (quarkus.isPresent() ? String.format(Locale.ROOT, " (Quarkus: started in %.1f s)", quarkus.getAsDouble()) : "");
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("xietong.root", ".")).toAbsolutePath().normalize();
        GatewayBenchmark.Settings gatewaySettings = GatewayBenchmark.Settings.fromSystemProperties();
        int rate = Integer.getInteger("rate", 200);
        Duration eventSeconds = Duration.ofSeconds(Long.getLong("eventSeconds", 30));
        long idleSeconds = Long.getLong("idleSeconds", 10);
        // Ten times the goal: a machine that slow gets a report saying so instead of a run without end.
        Duration settlementLimit = Duration.ofSeconds(Long.getLong("settlementLimitSeconds", 600));
        Path home = Files.createTempDirectory("xietong-report");
        // keepData: the warm restart must find what the cold start created.
        StackConfig config = GatewayBenchmark.withRaisedLimits(new StackConfig(root, home, StackConfig.BENCHMARK_OFFSET, true));
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        String loadBefore = Machine.loadAverage();
        long speedBefore = Machine.speedProbeMillis();
        long runBegin = System.nanoTime();
        System.out.println("Performance report: a private devstack on ports +" + StackConfig.BENCHMARK_OFFSET + ", data in " + home);

        double coldSeconds;
        double warmSeconds;
        Map<SuiteService, Start> cold;
        Map<SuiteService, Start> warm;
        Map<SuiteService, Start> alone = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Long> idleRssKb = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Long> firstRunRssKb = new EnumMap<>(SuiteService.class);
        Attempt<GatewayBenchmark.Result> gateway;
        Attempt<EventsBenchmark.Latency> events;
        Attempt<SettlementOverHttp.Result> settlement;
        Attempt<MatchingBenchmark.Optimal> matching;
        int[] matchingSize = new int[2];
        try {
            System.out.println("\n== devstack, cold start (fresh data directory)");
            long begin = System.nanoTime();
            try (DevStack stack = DevStack.start(config, line -> System.out.println("  " + line))) {
                coldSeconds = seconds(System.nanoTime() - begin);
                cold = starts(stack);
                System.out.printf(Locale.ROOT, "ready in %.1f s; %s%n", coldSeconds, describe(cold));

                System.out.println("\n== idle RSS of the build's first run (recording its class data), " + idleSeconds
                        + " s after ready, no requests yet");
                idleRss(stack, idleSeconds, firstRunRssKb);

                System.out.println("\n== each application restarted alone on the running stack, the others idle");
                for (SuiteService app : APPS) {
                    stack.restart(app);
                    alone.put(app, start(stack, app));
                    System.out.println(app.module() + " " + alone.get(app).text());
                }
                System.out.println("\n== idle RSS of the restarted applications, " + idleSeconds + " s after, no requests yet");
                idleRss(stack, idleSeconds, idleRssKb);

                System.out.println("\n== gateway vs direct (wrk)");
                gateway = attempt(() -> GatewayBenchmark.measure(stack, gatewaySettings));

                System.out.println("\n== event propagation at " + rate + " events/s (after 60 s at half the rate and 20 s at the full rate)");
                events = attempt(() -> EventsBenchmark.propagation(stack, rate, eventSeconds));
                System.out.println(events.value() == null ? events.failure() : events.value().text());

                System.out.println("\n== settlement batch over HTTP, record=true");
                settlement = attempt(() -> {
                    SettlementBatch batch = SettlementBatch.fromSystemProperties();
                    System.out.println(batch.describe());
                    return SettlementOverHttp.record(stack, batch, home, settlementLimit);
                });
                System.out.println(settlement.value() == null ? settlement.failure() : String.format(Locale.ROOT,
                        "%.1f s, %s, answers by status %s", settlement.value().seconds(),
                        settlement.value().finished() ? "finished" : "stopped at the time limit", settlement.value().statuses()));

                System.out.println("\n== matching at Beijing scale, in this JVM");
                matching = attempt(() -> {
                    MatchingInstance problem = MatchingBenchmark.Scale.fromSystemProperties().generate();
                    matchingSize[0] = problem.teachers().size();
                    matchingSize[1] = problem.posts().stream().mapToInt(MatchingPost::seats).sum();
                    return MatchingBenchmark.solveOptimal(problem);
                });
                System.out.println(matching.value() == null ? matching.failure() : String.format(Locale.ROOT,
                        "%,d ms wall, proven optimal %s", matching.value().wallMillis(), matching.value().result().provenOptimal()));
                System.out.println("\n== stopping the devstack");
            }

            System.out.println("\n== devstack, warm start (same data directory)");
            begin = System.nanoTime();
            try (DevStack stack = DevStack.start(config, line -> System.out.println("  " + line))) {
                warmSeconds = seconds(System.nanoTime() - begin);
                warm = starts(stack);
                System.out.printf(Locale.ROOT, "ready in %.1f s; %s%n", warmSeconds, describe(warm));
            }
        } finally {
            deleteTree(home);
        }

        List<Row> rows = new ArrayList<>();
        rows.add(new Row("devstack cold start → ready (fresh data directory: initdb, Kafka format, Keycloak unpacked and "
                + "realm imported, every Flyway migration)", String.format(Locale.ROOT, "%.1f s", coldSeconds), "", "—"));
        rows.add(new Row("devstack warm restart → ready (same data directory)", String.format(Locale.ROOT, "%.1f s", warmSeconds),
                "", "—"));
        for (SuiteService app : APPS) {
            Start a = alone.get(app);
            rows.add(Row.judged(app.module() + " start alone, launch → ready (restarted on the running stack)", a.text(),
                    "≤ 5 s", a.launchToReady() <= START_GOAL_SECONDS));
        }
        for (SuiteService app : APPS) {
            rows.add(new Row(app.module() + " start beside the other three applications, launch → ready", "cold stack "
                    + cold.get(app).text() + "; warm restart " + warm.get(app).text(), "", "—"));
        }
        for (SuiteService app : APPS) {
            long kb = idleRssKb.get(app);
            long first = firstRunRssKb.get(app);
            rows.add(Row.judged(app.module() + " idle RSS", kb < 0 ? "process gone" : String.format(Locale.ROOT,
                            "%d MB (the build's first run, recording its class data: %d MB)", kb / 1024, first / 1024),
                    "≤ 250 MB", kb >= 0 && kb / 1024 <= RSS_GOAL_MB));
        }
        gatewayRows(rows, gateway, gatewaySettings);
        String eventsFigure = "event propagation, commit → Kafka consumer, at " + rate + " events/s";
        rows.add(events.value() == null ? Row.failed(eventsFigure, "p99 ≤ 200 ms", events.failure())
                : Row.judged(eventsFigure, events.value().text(), "p99 ≤ 200 ms",
                        events.value().complete() && events.value().p99Millis() <= 200));
        settlementRow(rows, settlement);
        matchingRow(rows, matching, matchingSize);

        String report = render(rows, startedAt, loadBefore, Machine.loadAverage(), speedBefore, Machine.speedProbeMillis(),
                seconds(System.nanoTime() - runBegin));
        System.out.println("\n" + report);
        Path file = root.resolve("benchmarks/target/performance-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("(also written to " + root.relativize(file) + ")");
    }

    private static void gatewayRows(List<Row> rows, Attempt<GatewayBenchmark.Result> gateway, GatewayBenchmark.Settings s) {
        String throughput = "gateway / direct throughput, wrk -t" + s.threads() + " -c" + s.connections() + " -d" + s.seconds() + "s";
        String single = "gateway's added latency, one connection (wrk -t1 -c1)";
        String saturated = "gateway's added latency at " + s.connections() + " connections (saturated; mostly queueing)";
        GatewayBenchmark.Result g = gateway.value();
        if (g == null) {
            rows.add(Row.failed(throughput, "≥ 0.85", gateway.failure()));
            rows.add(Row.failed(single, "added p99 ≤ 3 ms", gateway.failure()));
            rows.add(Row.failed(saturated, "added p99 ≤ 3 ms", gateway.failure()));
            return;
        }
        rows.add(Row.judged(throughput, g.throughput(), "≥ 0.85", !g.saturatedFailed() && g.ratio() >= 0.85));
        rows.add(Row.judged(single, g.addedSingle(), "added p99 ≤ 3 ms", !g.singleFailed() && g.addedSingleMillis()[1] <= 3));
        rows.add(Row.judged(saturated, g.addedSaturated(), "added p99 ≤ 3 ms", !g.saturatedFailed() && g.addedSaturatedMillis()[1] <= 3));
    }

    private static void settlementRow(List<Row> rows, Attempt<SettlementOverHttp.Result> settlement) {
        String figure = "settlement batch recorded over HTTP (POST /settlements/batch?record=true, NDJSON, straight to "
                + "healthcare-link-service, as partner-500000)";
        String goal = "≤ 60 s for 1,000,000 lines";
        SettlementOverHttp.Result r = settlement.value();
        if (r == null) {
            rows.add(Row.failed(figure, goal, settlement.failure()));
            return;
        }
        String measured = r.finished()
                ? String.format(Locale.ROOT, "%.1f s for %,d lines (%,d bills, %.0f MB body): %,.0f lines/s; "
                                + "answers by status %s; patients' share %s yuan, %s the engine's in-process; service RSS "
                                + "peak %d MB", r.seconds(), r.lines(), r.bills(), r.bodyBytes() / 1e6, r.lines() / r.seconds(),
                        r.statuses(), r.patientPays().toPlainString(),
                        r.patientPays().compareTo(r.expectedPatientPays()) == 0 ? "equal to"
                                : "NOT equal to " + r.expectedPatientPays().toPlainString() + " of",
                        r.serviceRssPeakKb() / 1024)
                : String.format(Locale.ROOT, "stopped unfinished at the %.0f s limit: %,d of %,d bills answered (%,.0f lines/s; "
                                + "answers by status %s) of %,d lines in a %.0f MB body; service RSS peak %d MB", r.seconds(),
                        r.answered(), r.bills(), r.answered() * (double) r.lines() / r.bills() / r.seconds(), r.statuses(),
                        r.lines(), r.bodyBytes() / 1e6, r.serviceRssPeakKb() / 1024);
        rows.add(Row.judged(figure, measured, goal, r.complete() && r.lines() >= 1_000_000 && r.seconds() <= 60));
    }

    private static void matchingRow(List<Row> rows, Attempt<MatchingBenchmark.Optimal> matching, int[] size) {
        String figure = "matching at Beijing scale, optimal (min-cost flow, OR-Tools), in the report's JVM";
        String goal = "≤ 10 s, proven optimal";
        MatchingBenchmark.Optimal m = matching.value();
        if (m == null) {
            rows.add(Row.failed(figure, goal, matching.failure()));
            return;
        }
        String measured = String.format(Locale.ROOT, "%.1f s wall (matcher's own build + solve %.1f s), proven optimal %s; "
                        + "%,d teachers, %,d seats, %s filled; first solve in this JVM, OR-Tools natives loaded before "
                        + "(%.2f s)", m.wallMillis() / 1e3, m.result().solveMillis() / 1e3, m.result().provenOptimal(),
                size[0], size[1], MatchingBenchmark.fill(m.result()), m.nativeLoadSeconds());
        rows.add(Row.judged(figure, measured, goal, m.wallMillis() <= 10_000 && m.result().provenOptimal()));
    }

    static String render(List<Row> rows, ZonedDateTime startedAt, String loadBefore, String loadAfter, long speedBefore,
                         long speedAfter, double runSeconds) {
        StringBuilder out = new StringBuilder();
        out.append("Xietong performance report — ").append(startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(String.format(Locale.ROOT, ", one run of %.1f min%n%n", runSeconds / 60));
        out.append("Machine: ").append(Machine.cores()).append(" cores, ").append(Machine.memory()).append(" RAM, ")
                .append(Machine.cpuModel()).append("; JDK ").append(Machine.jdk()).append("\n\n");
        out.append("Load average (1, 5, 15 min) before the run ").append(loadBefore).append(", after ").append(loadAfter)
                .append("; everything (PostgreSQL, Kafka, Keycloak, the four applications, wrk, curl, this program) "
                        + "shares these cores. Speed probe (one thread sorting 8 million ints, lower is faster): "
                        + speedBefore + " ms before, " + speedAfter + " ms after.\n\n");
        out.append("| figure | measured | goal | met? |\n|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(row.markdown()).append('\n');
        }
        out.append("\nStart times run from launching the application's JVM to the first 200 of its /q/health/ready, "
                + "polled every 100 ms; the gateway is ready only once its upstreams are. A service's start time, the "
                + "goal, is taken alone: each application stopped and started again on the running stack while the "
                + "others idle, as when one is redeployed or recovers from a crash, with the class data its first run "
                + "recorded. When the stack starts, the four are launched together once PostgreSQL, Kafka and Keycloak "
                + "are ready and share the cores, which the rows beside show (the cold stack's is the build's first "
                + "run, which records its class data; the warm restart's uses it). Quarkus's \"started in\", from each application's "
                + "log, leaves out the JVM's own start. Idle RSS: VmRSS of each application's JVM (-Xmx256m, SerialGC) "
                + "10 s after its restart alone, before any request; beside it the same for the build's first run, "
                + "which records its class data and so maps no archive.\n");
        return out.toString();
    }

    /** Each application's start time in the stack just started: launch → ready, and its log's last "started in". */
    private static Map<SuiteService, Start> starts(DevStack stack) {
        Map<SuiteService, Start> starts = new EnumMap<>(SuiteService.class);
        for (SuiteService app : APPS) {
            starts.put(app, start(stack, app));
        }
        return starts;
    }

    /** Each application's VmRSS after {@code seconds} of quiet, printed. */
    private static void idleRss(DevStack stack, long seconds, Map<SuiteService, Long> rssKb) throws InterruptedException {
        Thread.sleep(seconds * 1000);
        for (SuiteService app : APPS) {
            rssKb.put(app, Machine.statusKb(Machine.quarkusPid(stack.app(app).pid()), "VmRSS"));
        }
        rssKb.forEach((app, kb) -> System.out.printf(Locale.ROOT, "%s %d MB%n", app.module(), kb / 1024));
    }

    /** The application's latest start: launch → ready, and its log's last "started in". */
    private static Start start(DevStack stack, SuiteService app) {
        return new Start(stack.startTime(app).toNanos() / 1e9, quarkusStartedIn(stack.app(app).logFile()));
    }

    private static String describe(Map<SuiteService, Start> starts) {
        List<String> parts = new ArrayList<>();
        starts.forEach((app, start) -> parts.add(app.module() + " " + start.text()));
        return String.join(", ", parts);
    }

    /** The last "started in X.XXXs." of a log (which a restart on the same data directory appends to). */
    static OptionalDouble quarkusStartedIn(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(STARTED_IN::matcher).filter(Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1)))
                    .reduce((first, second) -> second);
        } catch (IOException | java.io.UncheckedIOException e) {
            return OptionalDouble.empty();
        }
    }

    private static <T> Attempt<T> attempt(Measurement<T> measurement) {
        try {
            return new Attempt<>(measurement.run(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
            return new Attempt<>(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
