package org.xietong.benchmarks;

import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.TokenClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the gateway costs: the same authenticated GET, same answer, called straight on pairing-service and through
 * the gateway (which checks the Keycloak token and applies its rate limits, raised so they never reject this load),
 * with wrk as the load generator. Runs alternate (direct, gateway, direct, gateway, five pairs by default) so drift
 * in the machine's speed hits both sides alike; each gateway run is compared with the direct run just before it,
 * and the figures are the median over the pairs.
 * <ol>
 *   <li>throughput at {@code -t2 -c16}: requests/s through the gateway over requests/s direct, and the latencies
 *   of those runs (at saturation they are mostly queueing, so their difference follows the throughput ratio);</li>
 *   <li>added latency at one connection ({@code -t1 -c1}): what a request pays for the extra hop and token check
 *   when nothing waits in a queue;</li>
 *   <li>the gateway process's resident memory (VmRSS) sampled during its runs, and after.</li>
 * </ol>
 * Every figure is measured in the run that prints it.
 */
public final class GatewayBenchmark {

    private static final String PATH = "/api/v1/pairing/schools?size=20";
    private static final String USER = "edu-chaoyang";
    /** High enough never to reject this load, whatever the period; the limiter stays on. */
    private static final String UNLIMITED_ENOUGH = "100000000";
    private static final Map<String, String> LIMITS = Map.of(
            "xietong.gateway.limits.read.user-requests", UNLIMITED_ENOUGH,
            "xietong.gateway.limits.read.client-requests", UNLIMITED_ENOUGH);

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        if (!Files.isExecutable(settings.wrk())) {
            System.err.println("gateway benchmark: " + settings.wrk() + " not found; it needs wrk (Debian: apt-get install wrk)");
            System.exit(1);
        }
        Path root = Path.of(System.getProperty("xietong.root", ".")).toAbsolutePath().normalize();
        StackConfig config = withRaisedLimits(new StackConfig(root, Files.createTempDirectory("xietong-bench"),
                StackConfig.BENCHMARK_OFFSET, false));

        long begin = System.nanoTime();
        try (DevStack stack = DevStack.start(config, line -> { })) {
            System.out.printf(Locale.ROOT, "devstack ready in %.1f s (ports +%d)%n", (System.nanoTime() - begin) / 1e9,
                    StackConfig.BENCHMARK_OFFSET);
            Result result = measure(stack, settings);

            System.out.printf(Locale.ROOT, "%nXietong gateway benchmark — %s, %d cores, %s memory, %s%n", LocalDate.now(),
                    Machine.cores(), Machine.memory(), Machine.cpuModel());
            System.out.println("load generator: " + result.wrkVersion() + " (Debian package " + Machine.debianVersion("wrk")
                    + "), on the same machine");
            System.out.println();
            System.out.println("| figure | measured | goal |");
            System.out.println("|---|---|---|");
            System.out.println("| throughput gateway / direct, -t" + settings.threads() + " -c" + settings.connections()
                    + " -d" + settings.seconds() + "s | " + result.throughput() + " | ≥ 0.85 |");
            System.out.println("| added latency, one connection (gateway − direct) | " + result.addedSingle()
                    + " | p50 ≤ 1 ms, p99 ≤ 3 ms |");
            System.out.println("| added latency at " + settings.connections() + " connections (saturated; mostly queueing) | "
                    + result.addedSaturated() + " | p50 ≤ 1 ms, p99 ≤ 3 ms |");
            System.out.println("| CPU a request at " + settings.connections() + " connections | "
                    + cpuPerRequest(result.saturated()) + " | |");
            System.out.printf(Locale.ROOT, "| gateway RSS (-Xmx256m, SerialGC) | %d MB before load, peak %d MB sampled under load "
                    + "(high-water mark %d MB), %d MB 3 s after | |%n", result.rssBeforeKb() / 1024, result.rssPeakKb() / 1024,
                    result.rssHighWaterKb() / 1024, result.rssAfterKb() / 1024);
        }
    }

    /** {@code config} with the gateway's read limits raised so that they never reject this load. */
    static StackConfig withRaisedLimits(StackConfig config) {
        return config.withAppProperties(SuiteService.GATEWAY, LIMITS);
    }

    /** wrk's settings: system properties threads, connections, seconds, warmup, latencySeconds, rounds, wrk. */
    record Settings(int threads, int connections, int seconds, int warmup, int latencySeconds, int rounds, Path wrk) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("threads", 2), Integer.getInteger("connections", 16),
                    Integer.getInteger("seconds", 10), Integer.getInteger("warmup", 45),
                    Integer.getInteger("latencySeconds", 10), Integer.getInteger("rounds", 5),
                    Path.of(System.getProperty("wrk", "/usr/bin/wrk")));
        }
    }

    /** The runs of one measurement: throughput runs and one-connection runs, direct and gateway in turn; the gateway's RSS. */
    record Result(List<Run> saturated, List<Run> single, long rssBeforeKb, long rssPeakKb, long rssHighWaterKb,
                  long rssAfterKb, String wrkVersion) {

        /** Gateway over direct requests/s, the median over pairs. */
        double ratio() {
            return median(pairRatios(saturated));
        }

        /** Each judgement counts only the errors of the runs it is taken from. */
        boolean saturatedFailed() {
            return errors(saturated) > 0;
        }

        boolean singleFailed() {
            return errors(single) > 0;
        }

        String throughput() {
            return failedOr(saturated, String.format(Locale.ROOT, "%.2f (%s)", ratio(), pairsSummary(saturated)));
        }

        /** Added latency at one connection, median of pairs, in milliseconds: {p50, p99}. */
        double[] addedSingleMillis() {
            return addedMillis(single);
        }

        double[] addedSaturatedMillis() {
            return addedMillis(saturated);
        }

        String addedSingle() {
            return failedOr(single, added(single));
        }

        String addedSaturated() {
            return failedOr(saturated, added(saturated));
        }
    }

    /**
     * Runs the comparison on a started stack whose gateway has {@link #withRaisedLimits raised limits}, printing each
     * run as it ends. Every figure of the result is measured here.
     */
    static Result measure(DevStack stack, Settings settings) throws IOException, InterruptedException {
        StackConfig config = stack.config();
        if (!config.appProperties(SuiteService.GATEWAY).entrySet().containsAll(LIMITS.entrySet())) {
            throw new IllegalStateException("the gateway's read limits are not raised: start the stack with withRaisedLimits");
        }
        if (!Files.isExecutable(settings.wrk())) {
            throw new IllegalStateException(settings.wrk() + " not found; the gateway comparison needs wrk (Debian: apt-get install wrk)");
        }
        int threads = settings.threads();
        int connections = settings.connections();
        String token = new TokenClient(stack.keycloak().issuer()).passwordGrant(USER, USER);
        String direct = "http://127.0.0.1:" + config.port(SuiteService.PAIRING) + PATH;
        String gateway = "http://127.0.0.1:" + config.port(SuiteService.GATEWAY) + PATH;
        String answer = sameAnswer(config, token, direct, gateway);
        long gatewayPid = Machine.quarkusPid(stack.app(SuiteService.GATEWAY).pid());
        long pairingPid = Machine.quarkusPid(stack.app(SuiteService.PAIRING).pid());
        Wrk wrk = new Wrk(settings.wrk(), new Cpu(gatewayPid, pairingPid));

        System.out.println("endpoint: GET " + PATH + " as " + USER + " (real Keycloak token) — " + answer);
        System.out.println("gateway rate limits (passed as environment variables " + config.appEnvironment(SuiteService.GATEWAY).keySet()
                + "): " + new TreeMap<>(LIMITS) + "; " + limiterInBuild(config));
        System.out.println("load generator: " + wrk.version() + ", " + settings.wrk() + " --latency");
        System.out.println("NOTE: wrk, the gateway, pairing-service and the rest of the devstack (PostgreSQL, Kafka, Keycloak, "
                + "two idle services) share this machine's " + Machine.cores()
                + " cores: the load generator takes CPU from the servers it measures, and once the cores are busy the "
                + "throughput ratio is the ratio of CPU spent a request, direct vs gateway + pairing-service. "
                + "CPU columns: the gateway's and pairing-service's CPU time a request, and how busy the whole machine "
                + "was (everything, other users included).");
        long rssBefore = Machine.statusKb(gatewayPid, "VmRSS");

        System.out.printf(Locale.ROOT, "%nwarm-up: %d s each way, -t%d -c%d (not counted)%n", settings.warmup(), threads, connections);
        wrk.run(direct, token, threads, connections, settings.warmup());
        wrk.run(gateway, token, threads, connections, settings.warmup());

        Machine.RssSampler rss = new Machine.RssSampler(gatewayPid);
        List<Run> saturated = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%nthroughput runs: -t%d -c%d -d%ds%n", threads, connections, settings.seconds());
        System.out.println(Run.HEADER);
        for (int i = 0; i < settings.rounds(); i++) {
            saturated.add(report(wrk.run(direct, token, threads, connections, settings.seconds()).as("direct")));
            rss.start();
            saturated.add(report(wrk.run(gateway, token, threads, connections, settings.seconds()).as("gateway")));
            rss.stop();
        }
        List<Run> single = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%nlatency runs: -t1 -c1 -d%ds%n", settings.latencySeconds());
        System.out.println(Run.HEADER);
        for (int i = 0; i < settings.rounds(); i++) {
            single.add(report(wrk.run(direct, token, 1, 1, settings.latencySeconds()).as("direct")));
            rss.start();
            single.add(report(wrk.run(gateway, token, 1, 1, settings.latencySeconds()).as("gateway")));
            rss.stop();
        }
        Thread.sleep(3_000);
        return new Result(saturated, single, rssBefore, rss.peakKb(), Machine.statusKb(gatewayPid, "VmHWM"),
                Machine.statusKb(gatewayPid, "VmRSS"), wrk.version());
    }

    /** Both ways answer 200 with the same body, after at least 20 schools exist in the user's region. */
    private static String sameAnswer(StackConfig config, String token, String direct, String gateway)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI schools = URI.create(config.url(SuiteService.PAIRING) + "/api/v1/pairing/schools");
        for (int n = 0; n < 20; n++) {
            String body = String.format(Locale.ROOT, "{\"code\":\"7700%06d\",\"name\":\"网关基准学校%d\",\"regionCode\":\"110105\","
                    + "\"locationType\":\"URBAN\",\"level\":\"PRIMARY\"}", n, n);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(schools).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creating a school answered " + created.statusCode() + ": " + created.body());
            }
        }
        String[] bodies = new String[2];
        String[] urls = {direct, gateway};
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls[i])).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + urls[i] + " answered " + response.statusCode() + ": " + response.body());
            }
            bodies[i] = response.body();
        }
        if (!bodies[0].equals(bodies[1])) {
            throw new IllegalStateException("direct and gateway answers differ:\n" + bodies[0] + "\n" + bodies[1]);
        }
        int items = bodies[0].split("\"code\"", -1).length - 1;
        return String.format(Locale.ROOT, "200 both ways, identical %,d-byte JSON page of %d schools",
                bodies[0].getBytes(StandardCharsets.UTF_8).length, items);
    }

    private static Run report(Run run) {
        System.out.println(run.line());
        return run;
    }

    /** Gateway over direct requests/s of each pair: each gateway run against the direct run just before it. */
    private static List<Double> pairRatios(List<Run> runs) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            ratios.add(runs.get(i + 1).requestsPerSecond() / runs.get(i).requestsPerSecond());
        }
        return ratios;
    }

    /**
     * The middle value (mean of the two middle ones for an even count). The machine's speed drifts from run to run
     * (other virtual machines share its host), so one slow or fast pair should not decide the figure.
     */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String pairsSummary(List<Run> runs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            Run d = runs.get(i);
            Run g = runs.get(i + 1);
            parts.add(String.format(Locale.ROOT, "%,.0f / %,.0f req/s = %.2f", g.requestsPerSecond(), d.requestsPerSecond(),
                    g.requestsPerSecond() / d.requestsPerSecond()));
        }
        return String.format(Locale.ROOT, "median of %d pairs; mean %.2f; pairs: ", parts.size(),
                pairRatios(runs).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)) + String.join("; ", parts);
    }

    /** Gateway minus direct, the median over pairs, in milliseconds: {p50, p99}. */
    private static double[] addedMillis(List<Run> runs) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            p50.add(runs.get(i + 1).p50Micros() - runs.get(i).p50Micros());
            p99.add(runs.get(i + 1).p99Micros() - runs.get(i).p99Micros());
        }
        return new double[]{median(p50) / 1000, median(p99) / 1000};
    }

    private static String added(List<Run> runs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            Run d = runs.get(i);
            Run g = runs.get(i + 1);
            parts.add(String.format(Locale.ROOT, "p50 %s → %s, p99 %s → %s", ms(d.p50Micros()), ms(g.p50Micros()),
                    ms(d.p99Micros()), ms(g.p99Micros())));
        }
        double[] added = addedMillis(runs);
        return String.format(Locale.ROOT, "p50 %+.2f ms, p99 %+.2f ms (median of %d pairs: %s)", added[0], added[1],
                parts.size(), String.join("; ", parts));
    }

    private static String cpuPerRequest(List<Run> runs) {
        double gateway = 0;
        double pairingBehind = 0;
        double pairingDirect = 0;
        double busy = 0;
        int n = 0;
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            Run d = runs.get(i);
            Run g = runs.get(i + 1);
            pairingDirect += d.cpu().pairingMicros() / d.requests();
            gateway += g.cpu().gatewayMicros() / g.requests();
            pairingBehind += g.cpu().pairingMicros() / g.requests();
            busy += (d.cpu().machineBusyPercent() + g.cpu().machineBusyPercent()) / 2;
            n++;
        }
        return String.format(Locale.ROOT, "gateway %.0f µs; pairing-service %.0f µs behind the gateway, %.0f µs called directly "
                + "(machine %.0f %% busy during the runs)", gateway / n, pairingBehind / n, pairingDirect / n, busy / n);
    }

    private static long errors(List<Run> runs) {
        return runs.stream().mapToLong(r -> r.non2xx() + r.socketErrors()).sum();
    }

    private static String failedOr(List<Run> runs, String figure) {
        long bad = errors(runs);
        return bad == 0 ? figure : "FAILED MEASUREMENT: " + bad + " non-2xx responses or socket errors (" + figure + ")";
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
    }



    /** Whether the gateway that ran has a rate limiter at all: bucket4j among its libraries. */
    private static String limiterInBuild(StackConfig config) {
        Path lib = config.quarkusApp(SuiteService.GATEWAY).getParent().resolve("lib");
        try (Stream<Path> jars = Files.walk(lib)) {
            Optional<Path> bucket4j = jars.filter(p -> p.getFileName().toString().contains("bucket4j")).findFirst();
            return bucket4j.map(p -> "rate limiter in this gateway build (" + p.getFileName() + ")")
                    .orElse("this gateway build has no rate limiter yet (no bucket4j among its libraries): the properties are ignored");
        } catch (IOException e) {
            return "could not tell whether this gateway build has a rate limiter (" + e.getMessage() + ")";
        }
    }




    /** CPU time of the gateway and pairing-service JVMs (from /proc/PID/stat) and of the whole machine (/proc/stat). */
    record Cpu(long gatewayPid, long pairingPid) {

        record Snapshot(long gatewayTicks, long pairingTicks, long machineBusyTicks, long machineTotalTicks) {
            Used since(Snapshot before) {
                double tick = 1_000_000.0 / TICKS_PER_SECOND;
                return new Used((gatewayTicks - before.gatewayTicks) * tick, (pairingTicks - before.pairingTicks) * tick,
                        100.0 * (machineBusyTicks - before.machineBusyTicks) / Math.max(1, machineTotalTicks - before.machineTotalTicks));
            }
        }

        /** Microseconds of CPU over the run; the machine's busy share of all its cores' time, in percent. */
        record Used(double gatewayMicros, double pairingMicros, double machineBusyPercent) {
        }

        /** USER_HZ, 100 on Linux for every architecture the suite runs on. */
        static final long TICKS_PER_SECOND = 100;

        Snapshot snapshot() {
            long[] machine = machineTicks();
            return new Snapshot(processTicks(gatewayPid), processTicks(pairingPid), machine[0], machine[1]);
        }

        /** utime + stime: fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis. */
        static long processTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** {busy, total} ticks of all cores: the "cpu" line of /proc/stat, idle and iowait counted as not busy. */
        static long[] machineTicks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new long[]{total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[]{0, 1};
            }
        }
    }

    /** One wrk run, parsed. Latencies in microseconds. */
    record Run(String target, int threads, int connections, double requestsPerSecond, long requests,
               double p50Micros, double p90Micros, double p99Micros, long non2xx, long socketErrors, String raw,
               Cpu.Used cpu) {

        static final String HEADER = String.format(Locale.ROOT, "%-8s %5s %10s %8s %9s %9s %9s %7s %8s %10s %10s %8s",
                "target", "conns", "requests", "req/s", "p50", "p90", "p99", "non-2xx", "sock.err", "gw CPU/req",
                "svc CPU/req", "machine");

        Run as(String name) {
            return new Run(name, threads, connections, requestsPerSecond, requests, p50Micros, p90Micros, p99Micros,
                    non2xx, socketErrors, raw, cpu);
        }

        Run withCpu(Cpu.Used used) {
            return new Run(target, threads, connections, requestsPerSecond, requests, p50Micros, p90Micros, p99Micros,
                    non2xx, socketErrors, raw, used);
        }

        String line() {
            String line = String.format(Locale.ROOT, "%-8s %5d %,10d %,8.0f %9s %9s %9s %7d %8d %8.0f µs %9.0f µs %6.0f %%",
                    target, connections, requests, requestsPerSecond, ms(p50Micros), ms(p90Micros), ms(p99Micros), non2xx,
                    socketErrors, cpu.gatewayMicros() / requests, cpu.pairingMicros() / requests, cpu.machineBusyPercent());
            return non2xx + socketErrors == 0 ? line : line + "  <- FAILED MEASUREMENT\n" + raw;
        }

        private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ");
        private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE);
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
        private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

        /** Parses wrk's {@code --latency} report. */
        static Run parse(String output, int threads, int connections) {
            Matcher rps = REQUESTS_PER_SECOND.matcher(output);
            Matcher total = TOTAL.matcher(output);
            if (!rps.find() || !total.find()) {
                throw new IllegalStateException("wrk printed no result:\n" + output);
            }
            Map<String, Double> percentiles = new LinkedHashMap<>();
            Matcher p = PERCENTILE.matcher(output);
            while (p.find()) {
                percentiles.put(p.group(1), micros(Double.parseDouble(p.group(2)), p.group(3)));
            }
            if (percentiles.size() != 3) {
                throw new IllegalStateException("wrk printed no latency distribution (--latency):\n" + output);
            }
            Matcher non2xx = NON_2XX.matcher(output);
            Matcher socket = SOCKET_ERRORS.matcher(output);
            long errors = 0;
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    errors += Long.parseLong(socket.group(g));
                }
            }
            return new Run("?", threads, connections, Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)),
                    percentiles.get("50"), percentiles.get("90"), percentiles.get("99"),
                    non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors, output, null);
        }

        static double micros(double value, String unit) {
            return switch (unit) {
                case "us" -> value;
                case "ms" -> value * 1_000;
                case "s" -> value * 1_000_000;
                case "m" -> value * 60_000_000;
                case "h" -> value * 3_600_000_000.0;
                default -> throw new IllegalArgumentException(unit);
            };
        }
    }

    /** Runs /usr/bin/wrk and parses what it prints; {@code cpu} measures the servers' CPU time over the run. */
    private record Wrk(Path binary, Cpu cpu) {

        Run run(String url, String token, int threads, int connections, int seconds) throws IOException, InterruptedException {
            Cpu.Snapshot before = cpu.snapshot();
            Process process = new ProcessBuilder(binary.toString(), "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                    "--timeout", "5s", "--latency", "-H", "Authorization: Bearer " + token, url)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            return Run.parse(output, threads, connections).withCpu(cpu.snapshot().since(before));
        }

        String version() throws IOException, InterruptedException {
            Process process = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output.lines().findFirst().map(l -> l.replaceAll("\\s*Copyright.*", "").trim()).orElse("wrk");
        }
    }
}
