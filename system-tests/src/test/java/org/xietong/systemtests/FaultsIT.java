package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DevStack;
import org.xietong.devstack.Readiness;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.postgres.PostgresLauncher;
import org.xietong.devstack.postgres.RunningPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real faults on the shared devstack (issue 8): the Kafka broker stopped for a minute under a steady write load,
 * rotation-service killed with SIGKILL while pairing-service's events flow to it, and one service's PostgreSQL
 * stopped. Every event must arrive, no effect may be applied twice, and a service without its database answers
 * 503 problem details until the database is back, while the others answer as usual. Each test leaves the stack as
 * it found it: everything running and the gateway routing to every service.
 */
@ExtendWith(SharedStack.class)
// After the hostile-input and key-rotation tests, before the suite test, which stops the stack.
@Order(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Registrations a second: below the write limit of one user (300 a minute), so none is refused with 429. */
    private static final int WRITES_PER_SECOND = 3;
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(60);
    private static final Duration ALL_APPLIED_WITHIN = Duration.ofSeconds(150);

    @Test
    @Order(1)
    void everyEventWrittenWhileKafkaIsStoppedForAMinuteArrivesAndIsAppliedOnce(SharedStack.Suite suite) throws Exception {
        DevStack stack = suite.stack();
        String token = suite.tokens().passwordGrant("edu-beijing", "edu-beijing");
        // 海淀区: a district no other system test writes schools to.
        SchoolWrites load = SchoolWrites.start(suite.gateway(), token, "110108", "91" + salt(), WRITES_PER_SECOND);
        long stopped;
        long restarted;
        Instant brokerBack;
        Duration stopTook;
        Duration startTook;
        List<SchoolWrites.Write> writes;
        try {
            await("the load is flowing", Duration.ofSeconds(60), () -> load.createdSoFar() >= 10);
            long stopping = System.nanoTime();
            stack.stopKafka();
            stopped = System.nanoTime();
            stopTook = Duration.ofNanos(stopped - stopping);
            TimeUnit.NANOSECONDS.sleep(BROKER_OUTAGE.toNanos() - (System.nanoTime() - stopped));
            assertFalse(stack.kafka().process().isAlive(), "the broker stayed down");
            long starting = System.nanoTime();
            stack.startKafka();
            restarted = System.nanoTime();
            brokerBack = Instant.now();
            startTook = Duration.ofNanos(restarted - starting);
            Thread.sleep(5000);
        } finally {
            writes = load.stop();
            if (!stack.kafka().process().isAlive()) {
                stack.startKafka();
            }
        }

        List<SchoolWrites.Write> duringOutage = writes.stream()
                .filter(w -> w.sentAt() >= stopped && w.sentAt() < restarted).toList();
        assertAllCreated(writes);
        assertTrue(duringOutage.size() >= 100, "a steady load while the broker was away: " + duringOutage.size());
        Checked checked = checkEachAppliedOnce(stack, writes);
        await("the gateway routes to every service", Duration.ofSeconds(60), () -> everyServiceAnswers(suite));

        Instant lastApplied = checked.appliedAt().values().stream().max(Comparator.naturalOrder()).orElseThrow();
        Duration catchUp = Duration.between(brokerBack, lastApplied);
        System.out.printf("Fault (a), the Kafka broker stopped for %d s under %d writes/s through the gateway:%n",
                BROKER_OUTAGE.toSeconds(), WRITES_PER_SECOND);
        System.out.printf("  broker stop (SIGTERM) took %s; restart until ready %s; away %s in all%n", seconds(stopTook),
                seconds(startTook), seconds(Duration.ofNanos(restarted - stopped)));
        System.out.printf("  writes: %d, all 201; %d of them while the broker was away (slowest %d ms)%n",
                writes.size(), duringOutage.size(), duringOutage.stream().mapToLong(SchoolWrites.Write::millis).max().orElse(0));
        System.out.printf("  every event applied %s after the broker was back%n",
                seconds(catchUp.isNegative() ? Duration.ZERO : catchUp));
        checked.print("a");
    }

    @Test
    @Order(2)
    void killingRotationServiceWhileEventsFlowLosesNoneAndAppliesNoneTwice(SharedStack.Suite suite) throws Exception {
        DevStack stack = suite.stack();
        String token = suite.tokens().passwordGrant("edu-chaoyang", "edu-chaoyang");
        Instant began = Instant.now();
        SchoolWrites load = SchoolWrites.start(suite.gateway(), token, "110105", "92" + salt(), WRITES_PER_SECOND);
        long pid = stack.app(SuiteService.ROTATION).pid();
        int exitCode;
        Instant killedAt;
        Map<Integer, Long> committedAtKill;
        Duration restartTook;
        List<SchoolWrites.Write> writes;
        try {
            await("rotation-service applies the new events", Duration.ofSeconds(60),
                    () -> appliedSince(stack, began) >= 10);
            killedAt = Instant.now();
            exitCode = stack.kill(SuiteService.ROTATION);
            // Where the restarted instance resumes: what the killed one had applied beyond this comes again.
            committedAtKill = new SchoolEventDelivery(stack).committedOffsets();
            long starting = System.nanoTime();
            stack.restart(SuiteService.ROTATION);
            restartTook = Duration.ofNanos(System.nanoTime() - starting);
            Thread.sleep(5000);
        } finally {
            writes = load.stop();
            if (!stack.app(SuiteService.ROTATION).isAlive()) {
                stack.restart(SuiteService.ROTATION);
            }
        }

        assertEquals(137, exitCode, "rotation-service ended by SIGKILL (128 + 9)");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the killed process is gone");
        assertAllCreated(writes);
        Checked checked = checkEachAppliedOnce(stack, writes);
        await("the gateway routes to rotation-service again", Duration.ofSeconds(60), () -> everyServiceAnswers(suite));

        long beforeKill = checked.appliedAt().values().stream().filter(at -> at.isBefore(killedAt)).count();
        List<SchoolEventDelivery.Copy> redelivered = checked.copies().stream()
                .filter(c -> c.offset() >= committedAtKill.getOrDefault(c.partition(), 0L)).toList();
        long appliedAgain = redelivered.stream().filter(c -> checked.appliedAt().get(c.eventId()).isBefore(killedAt)).count();
        Instant lastApplied = checked.appliedAt().values().stream().max(Comparator.naturalOrder()).orElseThrow();
        System.out.printf("Fault (b), rotation-service (pid %d) killed with SIGKILL under %d writes/s to pairing-service:%n",
                pid, WRITES_PER_SECOND);
        System.out.printf("  exit code %d; restart until ready %s; every event applied %s after the kill%n", exitCode,
                seconds(restartTook), seconds(Duration.between(killedAt, lastApplied)));
        System.out.printf("  writes: %d, all 201; events applied before the kill %d, after the restart %d%n",
                writes.size(), beforeKill, checked.appliedAt().size() - beforeKill);
        System.out.printf("  the restarted instance resumed at the offsets committed before the kill: %d of these events "
                + "delivered to it, %d of them applied by the killed instance already and dropped by the inbox%n",
                redelivered.size(), appliedAgain);
        checked.print("b");
    }

    @Test
    @Order(3)
    void aServiceWhosePostgresqlStopsAnswers503UntilItIsBackAndTheOthersAnswerAsUsual(SharedStack.Suite suite)
            throws Exception {
        DevStack stack = suite.stack();
        StackConfig config = suite.config();
        SuiteService service = SuiteService.HEALTHCARE;
        String admin = suite.tokens().passwordGrant("admin", "admin");
        // The devstack's services share one PostgreSQL cluster. To stop healthcare-link-service's PostgreSQL alone,
        // the service moves to a cluster of its own for this test, and back to the shared one at the end.
        Path directory = config.home().resolve("postgres-" + service.database() + "-alone");
        int port = config.postgresPort() + 1;
        RunningPostgres own = PostgresLauncher.start(directory, port, false);
        Duration stopTook;
        Duration startTook;
        Duration recovered;
        int refusedCalls = 0;
        try {
            own.ensureDatabase(service.database(), service.database(), service.database() + "-dev");
            long moving = System.nanoTime();
            stack.restart(service, Map.of("quarkus.datasource.jdbc.url", own.jdbcUrl(service.database())));
            System.out.printf("Fault (c): %s moved to a PostgreSQL of its own on port %d (restart %s)%n",
                    service.module(), port, seconds(Duration.ofNanos(System.nanoTime() - moving)));
            await("healthcare answers through the gateway", Duration.ofSeconds(60), () -> everyServiceAnswers(suite));

            long stopping = System.nanoTime();
            own.close();
            stopTook = Duration.ofNanos(System.nanoTime() - stopping);
            long down = System.nanoTime();

            // Fewer than the five failures in a row that open the gateway's circuit: these are the service's own answers.
            List<Answer> unavailable = List.of(
                    call(suite, admin, "GET", "/api/v1/healthcare/institutions", null),
                    call(suite, admin, "GET", "/api/v1/healthcare/institutions/H1101080001", null),
                    call(suite, admin, "POST", "/api/v1/healthcare/institutions", institution()));
            refusedCalls = unavailable.size();
            for (Answer answer : unavailable) {
                assertEquals(503, answer.status(), answer.toString());
                assertEquals("application/problem+json", answer.contentType(), answer.toString());
                JsonNode problem = JSON.readTree(answer.body());
                assertEquals(503, problem.path("status").asInt(), answer.toString());
                assertEquals("https://xietong.org/problems/database-unavailable", problem.path("type").asText(), answer.toString());
                assertTrue(problem.path("service").isMissingNode(), "the service's answer, not the gateway's: " + answer);
                assertNotNull(answer.retryAfter(), "Retry-After: " + answer);
            }
            Answer readiness = direct(config.url(service) + "/q/health/ready");
            assertEquals(503, readiness.status(), "readiness while its database is away: " + readiness);
            assertTrue(readiness.body().contains("DOWN"), readiness.body());
            Answer pairing = call(suite, admin, "GET", "/api/v1/pairing/schools", null);
            Answer rotation = call(suite, admin, "GET", "/api/v1/rotation/schools", null);
            assertEquals(200, pairing.status(), "pairing-service keeps answering: " + pairing);
            assertEquals(200, rotation.status(), "rotation-service keeps answering: " + rotation);
            assertEquals(200, direct(config.url(SuiteService.PAIRING) + "/q/health/ready").status());
            assertEquals(200, direct(config.url(SuiteService.ROTATION) + "/q/health/ready").status());
            Duration away = Duration.ofNanos(System.nanoTime() - down);

            long starting = System.nanoTime();
            own = PostgresLauncher.start(directory, port, false);
            startTook = Duration.ofNanos(System.nanoTime() - starting);
            long back = System.nanoTime();
            await("healthcare-link-service recovers without a restart", Duration.ofSeconds(60),
                    () -> call(suite, admin, "GET", "/api/v1/healthcare/institutions", null).status() == 200);
            recovered = Duration.ofNanos(System.nanoTime() - back);
            assertEquals(201, call(suite, admin, "POST", "/api/v1/healthcare/institutions", institution()).status(),
                    "writes succeed again");
            await("its readiness is UP again", Duration.ofSeconds(30),
                    () -> direct(config.url(service) + "/q/health/ready").status() == 200);
            System.out.printf("  PostgreSQL stop took %s; away %s; restart %s; service answering again %s after%n",
                    seconds(stopTook), seconds(away), seconds(startTook), seconds(recovered));
            System.out.printf("  while away: %d calls to it answered 503 problem details with Retry-After %s, its "
                    + "readiness DOWN; pairing-service and rotation-service answered 200%n", refusedCalls,
                    unavailable.get(0).retryAfter());
        } finally {
            own.close();
            long moving = System.nanoTime();
            stack.restart(service);
            deleteTree(directory);
            await("healthcare answers from the shared cluster", Duration.ofSeconds(60), () -> everyServiceAnswers(suite));
            System.out.printf("  back on the shared cluster (restart %s)%n", seconds(Duration.ofNanos(System.nanoTime() - moving)));
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Exactly once

    /** What was checked of one load's events: when each was applied, and how often each travelled over Kafka. */
    private record Checked(int events, Map<String, Instant> appliedAt, List<SchoolEventDelivery.Copy> copies, int apiRows) {
        void print(String scenario) {
            int copiesOnTopic = copies.size();
            System.out.printf("  events checked: %d (%s): each recorded once in pairing's outbox and published, on the "
                            + "topic %d times in all (%d sent again and dropped by the inbox), in rotation's inbox once, "
                            + "applied once (audit), in its replica with that event, listed once through the gateway (%d)%n",
                    events, scenario, copiesOnTopic, copiesOnTopic - events, apiRows);
        }
    }

    private static Checked checkEachAppliedOnce(DevStack stack, List<SchoolWrites.Write> writes) throws Exception {
        SchoolEventDelivery delivery = new SchoolEventDelivery(stack);
        List<String> codes = writes.stream().map(SchoolWrites.Write::code).toList();
        SchoolEventDelivery.Recorded recorded = delivery.recorded(codes);
        assertEquals(0, recorded.eventsPerCodeOverOne(), "one school.registered event per school");
        assertEquals(new HashSet<>(codes), recorded.eventByCode().keySet(), "an event for every registered school");
        Set<String> events = new HashSet<>(recorded.eventByCode().values());

        await("rotation-service has seen every event", ALL_APPLIED_WITHIN, () -> delivery.seen(events).size() == events.size());
        Map<String, Instant> seen = delivery.seen(events);
        assertEquals(0, delivery.recorded(codes).unpublished(), "every event published");

        Map<String, Integer> effects = delivery.effects(events);
        Map<String, Integer> notOnce = events.stream().filter(e -> effects.getOrDefault(e, 0) != 1)
                .collect(Collectors.toMap(e -> e, e -> effects.getOrDefault(e, 0)));
        assertEquals(Map.of(), notOnce, "events whose effect was not applied exactly once");
        Map<String, String> replica = delivery.replica(codes);
        List<String> wrong = codes.stream().filter(c -> !recorded.eventByCode().get(c).equals(replica.get(c))).toList();
        assertEquals(List.of(), wrong, "replica rows missing or not from their event");
        List<SchoolEventDelivery.Copy> copies = delivery.onTopic(events);
        assertEquals(events, copies.stream().map(SchoolEventDelivery.Copy::eventId).collect(Collectors.toSet()),
                "every event is on the topic");
        return new Checked(events.size(), seen, copies, rotationListsOnce(stack, codes));
    }

    /** Rotation's school list through the gateway holds each of {@code codes} once; answers how many it listed. */
    private static int rotationListsOnce(DevStack stack, List<String> codes) throws Exception {
        String prefix = codes.get(0).substring(0, 5);
        String user = codes.get(0).startsWith("91") ? "edu-beijing" : "edu-chaoyang";
        String token = new org.xietong.devstack.TokenClient(stack.keycloak().issuer()).passwordGrant(user, user);
        String gateway = stack.config().url(SuiteService.GATEWAY);
        Map<String, Integer> listed = new HashMap<>();
        for (int page = 0; ; page++) {
            HttpRequest list = HttpRequest.newBuilder(
                            URI.create(gateway + "/api/v1/rotation/schools?size=200&page=" + page))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HTTP.send(list, HttpResponse.BodyHandlers.ofString());
            ContractConformance.check(list, null, response);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode items = JSON.readTree(response.body()).path("items");
            items.forEach(item -> {
                if (item.path("code").asText().startsWith(prefix)) {
                    listed.merge(item.path("code").asText(), 1, Integer::sum);
                }
            });
            if (items.size() < 200) {
                break;
            }
        }
        assertEquals(new HashSet<>(codes), listed.keySet(), "rotation lists every registered school");
        assertTrue(listed.values().stream().allMatch(n -> n == 1), "and each once");
        return listed.size();
    }

    private static void assertAllCreated(List<SchoolWrites.Write> writes) {
        List<SchoolWrites.Write> failed = writes.stream().filter(w -> !w.created()).toList();
        if (!failed.isEmpty()) {
            fail(failed.size() + " of " + writes.size() + " writes failed; first: "
                    + failed.subList(0, Math.min(5, failed.size())));
        }
    }

    /** Events of pairing-service rotation-service applied since {@code since}. */
    private static long appliedSince(DevStack stack, Instant since) {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("rotation"), "rotation", "rotation-dev");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM inbox_event WHERE consumer = ? AND processed_at > ?")) {
            ps.setString(1, SchoolEventDelivery.CONSUMER);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Calls

    private record Answer(int status, String contentType, String retryAfter, String body) {
    }

    private static Answer call(SharedStack.Suite suite, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest sent = request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
        ContractConformance.check(sent, json, response);
        return answer(response);
    }

    private static Answer direct(String url) throws IOException, InterruptedException {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null), response.body());
    }

    /** Each service answers an admin's read through the gateway (so its circuit is closed). */
    private static boolean everyServiceAnswers(SharedStack.Suite suite) {
        try {
            String admin = suite.tokens().passwordGrant("admin", "admin");
            for (String path : List.of("/api/v1/pairing/schools", "/api/v1/rotation/schools", "/api/v1/healthcare/institutions")) {
                if (call(suite, admin, "GET", path, null).status() != 200) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String institution() {
        return "{\"code\":\"HFAULT" + salt() + "\",\"name\":\"故障演练医院\",\"regionCode\":\"110108\","
                + "\"level\":\"UNRATED\",\"type\":\"GENERAL\",\"capabilities\":[]}";
    }

    // -------------------------------------------------------------------------------------------------------------
    // Small things

    /** Three digits that keep one run's school codes apart from another's. */
    private static String salt() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100, 1000));
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not within " + timeout.toSeconds() + " s");
            }
            Readiness.pause(500);
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
