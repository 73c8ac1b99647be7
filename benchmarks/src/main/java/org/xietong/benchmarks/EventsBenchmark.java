package org.xietong.benchmarks;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.TokenClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the event path of the platform kit on the real devstack (PostgreSQL, Kafka, Keycloak, the services):
 * <ol>
 *   <li>outbox relay throughput: a burst of events committed to pairing-service's outbox in one transaction,
 *   timed from the first to the last publication;</li>
 *   <li>commit-to-consumer latency at a steady rate: schools registered through the gateway at 200/s, each
 *   event's CloudEvents time (taken in the committing transaction) against the moment a Kafka consumer gets it.</li>
 * </ol>
 * Every figure is measured in the run that prints it.
 */
public final class EventsBenchmark {

    private static final String PROBE_TYPE = "org.xietong.pairing.benchmark.probe.v1";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int burst = Integer.getInteger("burst", 50_000);
        int rate = Integer.getInteger("rate", 200);
        Duration steady = Duration.ofSeconds(Long.getLong("seconds", 30));
        Path root = Path.of(System.getProperty("xietong.root", ".")).toAbsolutePath().normalize();
        StackConfig config = new StackConfig(root, Files.createTempDirectory("xietong-bench"), StackConfig.BENCHMARK_OFFSET, false);

        long begin = System.nanoTime();
        try (DevStack stack = DevStack.start(config, line -> { })) {
            System.out.printf(Locale.ROOT, "devstack ready in %.1f s (ports +%d)%n", seconds(System.nanoTime() - begin), StackConfig.BENCHMARK_OFFSET);
            // Latency first: the burst below keeps rotation-service's consumer busy for a while afterwards.
            String latency = propagation(stack, rate, steady).text();
            String throughput = relayThroughput(stack, burst);
            System.out.printf(Locale.ROOT, "%nXietong events benchmark — %s, %d cores, %.0f GB heap max of this JVM%n%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
            System.out.println("| figure | measured | goal |");
            System.out.println("|---|---|---|");
            System.out.println("| outbox relay throughput | " + throughput + " | ≥ 2,000 events/s |");
            System.out.println("| commit → consumer latency at " + rate + " events/s | " + latency + " | p99 ≤ 200 ms |");
        }
    }

    private static String relayThroughput(DevStack stack, int events) throws Exception {
        String run = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("pairing"), "pairing", "pairing-dev")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (id, type, subject, region_codes, "
                    + "occurred_at, data) SELECT gen_random_uuid(), ?, 'probe-' || g, '{110105}', now(), "
                    + "jsonb_build_object('run', ?, 'n', g) FROM generate_series(1, ?) AS g")) {
                insert.setString(1, PROBE_TYPE);
                insert.setString(2, run);
                insert.setInt(3, events);
                insert.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            long committed = System.nanoTime();
            long deadline = committed + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                try (PreparedStatement progress = c.prepareStatement("SELECT count(*) FILTER (WHERE published_at IS NULL), "
                        + "EXTRACT(EPOCH FROM max(published_at) - min(published_at)) FROM outbox_event "
                        + "WHERE type = ? AND data->>'run' = ?")) {
                    progress.setString(1, PROBE_TYPE);
                    progress.setString(2, run);
                    try (ResultSet rs = progress.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            double publishing = rs.getDouble(2);
                            double endToEnd = seconds(System.nanoTime() - committed);
                            return String.format(Locale.ROOT, "%,.0f events/s (%,d events published in %.2f s; "
                                    + "%.2f s from commit, including the relay's idle poll)", events / publishing, events, publishing, endToEnd);
                        }
                    }
                }
                Thread.sleep(100);
            }
            return "did not finish within 5 minutes";
        }
    }

    /** Commit → consumer latencies of one steady run; {@code text} says everything, for a table. */
    record Latency(long p50Millis, long p99Millis, long maxMillis, int received, long writeErrors, long notReceived,
                   String text) {

        boolean complete() {
            return received > 0 && writeErrors == 0 && notReceived == 0;
        }
    }

    /**
     * Commit → consumer latency of school registrations at {@code rate} a second for {@code length}, in steady state:
     * after a warm-up of 60 s at half the rate and 20 s at the full rate, whose figures are printed and discarded. On
     * two cores shared by the whole stack, the JIT compilers of pairing-service and rotation-service keep compiling
     * the write and consume paths for about two minutes of such traffic (a registration cost 6 ms of pairing-service's
     * CPU at first and 2 ms once compiled), and a shorter warm-up measured that instead.
     */
    static Latency propagation(DevStack stack, int rate, Duration length) throws Exception {
        String token = new TokenClient(stack.keycloak().issuer()).passwordGrant("edu-chaoyang", "edu-chaoyang");
        System.out.println("warm-up at " + rate / 2 + "/s (discarded): "
                + steadyLatency(stack, token, rate / 2, Duration.ofSeconds(60)).text());
        System.out.println("warm-up at " + rate + "/s (discarded): " + steadyLatency(stack, token, rate, Duration.ofSeconds(20)).text());
        return steadyLatency(stack, token, rate, length);
    }

    private static Latency steadyLatency(DevStack stack, String token, int rate, Duration length)
            throws Exception {
        String prefix = "8" + String.format("%03d", RUNS.getAndIncrement());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicInteger> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("xietong.pairing.events"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            // Straight to pairing-service: the figure is commit-to-consumer; the gateway has its own benchmark.
            URI schools = URI.create(stack.config().url(SuiteService.PAIRING) + "/api/v1/pairing/schools");
            int total = (int) (rate * length.toSeconds());
            ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
            writer.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n >= total) {
                    return;
                }
                String body = String.format("{\"code\":\"%s%06d\",\"name\":\"基准测试学校%d\",\"regionCode\":\"110105\",\"locationType\":\"URBAN\",\"level\":\"PRIMARY\"}", prefix, n, n);
                http.sendAsync(HttpRequest.newBuilder(schools).timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            if (failure != null || response.statusCode() != 201) {
                                errors.incrementAndGet();
                                // sendAsync wraps what went wrong (a timeout, a refused connection) in a CompletionException.
                                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause() : failure;
                                String kind = cause != null ? cause.getClass().getSimpleName() : "HTTP " + response.statusCode();
                                errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                            }
                        });
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);

            long deadline = System.nanoTime() + length.plusSeconds(30).toNanos();
            while (latencies.size() < total - errors.get() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long received = System.currentTimeMillis();
                    Header time = record.headers().lastHeader("ce_time");
                    if (record.key() != null && record.key().startsWith(prefix) && time != null) {
                        Instant committed = Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
                        latencies.add(received - committed.toEpochMilli());
                    }
                }
            }
            writer.shutdownNow();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long notReceived = Math.max(0, total - errors.get() - sorted.size());
            if (sorted.isEmpty()) {
                return new Latency(-1, -1, -1, 0, errors.get(), notReceived,
                        "no events received (" + errors.get() + " write errors " + errorKinds + ")");
            }
            long p50 = percentile(sorted, 50);
            long p99 = percentile(sorted, 99);
            long max = sorted.get(sorted.size() - 1);
            return new Latency(p50, p99, max, sorted.size(), errors.get(), notReceived, String.format(Locale.ROOT,
                    "p50 %d ms, p99 %d ms, max %d ms (%,d events over %d s; %d write errors%s; %d not received)",
                    p50, p99, max, sorted.size(), length.toSeconds(), errors.get(),
                    errorKinds.isEmpty() ? "" : " " + errorKinds, notReceived));
        }
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
