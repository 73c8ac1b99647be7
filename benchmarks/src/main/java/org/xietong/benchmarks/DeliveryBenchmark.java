package org.xietong.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.TokenClient;
import org.xietong.devstack.test.WebhookReceiver;

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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Push delivery latency on the real devstack: events committed at a steady rate, each pushed to three subscriptions
 * with a receiver each (the README's example receiver, on loopback), timed from the event's CloudEvents time (taken in
 * the committing transaction) to its arrival at the receiver. Then the same with the third receiver down (refusing
 * connections): the other two's figures beside it, measured in the same run.
 * <p>
 * By default the events are committed into pairing-service's outbox by SQL, one transaction each, so the figure is
 * the delivery path's (relay, feed, deliverer, receiver). {@code -Dvia=api} registers schools through pairing-service's
 * API instead, as {@code bench events} does: on two cores shared by the whole suite, that load alone saturates them.
 */
public final class DeliveryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("rate", 200);
        boolean viaApi = "api".equals(System.getProperty("via"));
        Duration length = Duration.ofSeconds(Long.getLong("seconds", 30));
        Path root = Path.of(System.getProperty("xietong.root", ".")).toAbsolutePath().normalize();
        StackConfig config = new StackConfig(root, Files.createTempDirectory("xietong-bench"), StackConfig.BENCHMARK_OFFSET, false);
        if (!viaApi) {
            // A service's own commits wake its relay at once; commits made by SQL are found by the relay's poll, here
            // every 20 ms instead of every second, so that the figure is not the poll's.
            config = config.withAppProperties(SuiteService.PAIRING, java.util.Map.of("xietong.events.relay.idle-poll", "PT0.02S"));
        }
        try (DevStack stack = DevStack.start(config, line -> { });
             WebhookReceiver a = WebhookReceiver.start(); WebhookReceiver b = WebhookReceiver.start();
             WebhookReceiver c = WebhookReceiver.start()) {
            String token = new TokenClient(stack.keycloak().issuer()).passwordGrant("edu-chaoyang", "edu-chaoyang");
            String pairing = stack.config().url(SuiteService.PAIRING);
            List<WebhookReceiver> receivers = List.of(a, b, c);
            String type = viaApi ? "org.xietong.pairing.school.registered.v1" : PROBE_TYPE;
            for (WebhookReceiver receiver : receivers) {
                subscribe(pairing, token, receiver, type);
            }
            Writer writer = viaApi ? new ApiWriter(pairing, token) : new OutboxWriter(stack);
            System.out.println("warm-up at " + rate / 2 + "/s for 60 s (discarded): " + run(writer, rate / 2,
                    Duration.ofSeconds(60), receivers));
            System.out.println("warm-up at " + rate + "/s for 20 s (discarded): " + run(writer, rate,
                    Duration.ofSeconds(20), receivers));
            List<String> allUp = run(writer, rate, length, receivers);
            c.down();
            List<String> oneDown = run(writer, rate, length, List.of(a, b));
            System.out.printf(Locale.ROOT, "%nXietong push delivery benchmark — %s, %d cores%n%n", LocalDate.now(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| figure (commit → receiver, " + rate + " events/s for " + length.toSeconds()
                    + " s, 3 subscriptions, events " + (viaApi ? "from school registrations through the API"
                    : "committed into the outbox by SQL") + ") | measured | goal |");
            System.out.println("|---|---|---|");
            for (int i = 0; i < 3; i++) {
                System.out.println("| all three up, receiver " + (char) ('A' + i) + " | " + allUp.get(i) + " | p99 ≤ 500 ms |");
            }
            for (int i = 0; i < 2; i++) {
                System.out.println("| C down, receiver " + (char) ('A' + i) + " | " + oneDown.get(i) + " | as with C up |");
            }
        }
    }

    private static final String PROBE_TYPE = "org.xietong.pairing.benchmark.probe.v1";

    /** Commits event {@code n} of a run; asynchronous, reports a failure through {@code errors}. */
    interface Writer {
        void write(String prefix, int n, AtomicLong errors);
    }

    /** A school registered through pairing-service's API: its registration event. */
    record ApiWriter(String pairing, String token, HttpClient http) implements Writer {
        ApiWriter(String pairing, String token) {
            this(pairing, token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }

        @Override
        public void write(String prefix, int n, AtomicLong errors) {
            String body = String.format("{\"code\":\"%s%06d\",\"name\":\"推送基准学校%d\",\"regionCode\":\"110105\","
                    + "\"locationType\":\"URBAN\",\"level\":\"PRIMARY\"}", prefix, n, n);
            http.sendAsync(HttpRequest.newBuilder(URI.create(pairing + "/api/v1/pairing/schools"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                    });
        }
    }

    /** An event committed straight into pairing-service's outbox, one transaction each, as a service records it. */
    static final class OutboxWriter implements Writer {
        private final DevStack stack;
        private final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(4);
        private final ThreadLocal<java.sql.Connection> connection;

        OutboxWriter(DevStack stack) {
            this.stack = stack;
            this.connection = ThreadLocal.withInitial(() -> {
                try {
                    return java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl("pairing"), "pairing", "pairing-dev");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void write(String prefix, int n, AtomicLong errors) {
            pool.execute(() -> {
                try (java.sql.PreparedStatement insert = connection.get().prepareStatement("INSERT INTO outbox_event "
                        + "(id, type, subject, region_codes, occurred_at, data) VALUES (gen_random_uuid(), ?, ?, "
                        + "'{110105}', clock_timestamp(), jsonb_build_object('n', ?))")) {
                    insert.setString(1, PROBE_TYPE);
                    insert.setString(2, prefix + String.format("%06d", n));
                    insert.setInt(3, n);
                    insert.executeUpdate();
                } catch (java.sql.SQLException e) {
                    errors.incrementAndGet();
                }
            });
        }
    }

    private static void subscribe(String pairing, String token, WebhookReceiver receiver, String type) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(pairing + "/api/v1/pairing/exchange/subscriptions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                        "endpoint", receiver.url(), "types", List.of(type)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + created.statusCode() + " " + created.body());
        }
        JsonNode body = JSON.readTree(created.body());
        receiver.secrets(body.path("secret").asText());
    }

    /** Commits events at {@code rate} for {@code length}; each receiver's latencies of those events. */
    private static List<String> run(Writer events, int rate, Duration length, List<WebhookReceiver> receivers)
            throws Exception {
        String prefix = "7" + String.format("%03d", RUNS.getAndIncrement());
        int total = (int) (rate * length.toSeconds());
        AtomicInteger sent = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n < total) {
                events.write(prefix, n, errors);
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        long deadline = System.nanoTime() + length.plusSeconds(60).toNanos();
        while (System.nanoTime() < deadline && (sent.get() < total
                || receivers.stream().anyMatch(r -> received(r, prefix).size() < total - errors.get()))) {
            Thread.sleep(200);
        }
        writer.shutdownNow();
        List<String> figures = new ArrayList<>();
        for (WebhookReceiver receiver : receivers) {
            List<Long> millis = new ArrayList<>(received(receiver, prefix));
            Collections.sort(millis);
            long missing = total - errors.get() - millis.size();
            figures.add(millis.isEmpty() ? "nothing received (" + errors.get() + " write errors)"
                    : String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms (%,d events; %d write errors; %d not "
                            + "received)", EventsBenchmark.percentile(millis, 50),
                    EventsBenchmark.percentile(millis, 99), millis.get(millis.size() - 1),
                    millis.size(), errors.get(), missing));
        }
        return figures;
    }

    private static List<Long> received(WebhookReceiver receiver, String prefix) {
        return receiver.applied().stream().filter(e -> e.subject().startsWith(prefix))
                .map(e -> Duration.between(e.time(), e.arrived()).toMillis()).toList();
    }
}
