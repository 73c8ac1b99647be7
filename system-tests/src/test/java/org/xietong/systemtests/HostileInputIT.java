package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DemoAccounts;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.TokenClient;
import org.xietong.gateway.policy.RouteLimits;
import org.xietong.platform.security.Purpose;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input through the gateway (issue 8): bad requests generated from the merged OpenAPI document for every
 * operation ({@link HostileRequests}), each sent with a token the route table lets through. None may answer 5xx,
 * every 4xx must be problem details whose {@code status} is the HTTP status, no bad write may be accepted, and no
 * table of any service's database may hold a row more (or less) afterwards.
 */
@ExtendWith(SharedStack.class)
// Before the suite test, which loads the demo data (as the admin, whose rate limits this test spares).
@Order(20)
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATABASES = List.of("pairing", "rotation", "healthcare");
    /** Filled by other services' events arriving on their own schedule, not by requests. */
    private static final Set<String> NOT_REQUEST_DRIVEN = Set.of("inbox_event");
    private static final Map<String, List<String>> USERS_BY_ROLE = Map.of(
            "education-officer", List.of("edu-beijing", "edu-chaoyang", "edu-miyun", "edu-hulunbuir"),
            "school-admin", List.of("school-mujiayu"),
            "teacher", List.of("teacher-demo"),
            "health-officer", List.of("health-dezhou"),
            "insurance-officer", List.of("insurer-chongqing", "insurer-changping"),
            "ltc-assessor", List.of("assessor-shijingshan", "assessor-yubei"),
            "institution-staff", List.of("hospital-leling"),
            "partner-system", List.of("partner-500000"));
    private static final String ADMIN = "admin";
    /**
     * How much of each caller's rate-limit bucket per class (gateway application.properties: read 1200, write 300,
     * heavy 10, batch 20 a minute) this test may use, so that the tests after it keep enough. Realistic callers go
     * first; the admin takes the deep requests, up to nearly its whole minute of writes: it writes again only minutes
     * later (FaultsIT's third step, then the demo data), once its bucket has refilled.
     */
    private static final Map<String, Integer> BUDGET = Map.of("read", 600, "write", 240, "heavy", 6, "batch", 12);
    private static final Map<String, Integer> ADMIN_BUDGET = Map.of("read", 300, "write", 290, "heavy", 2, "batch", 6);
    private static final int THREADS = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Outcome(HostileRequests.Bad request, String caller, int status, String contentType, String body,
                   String failure) {
    }

    @Test
    void badRequestsToEveryOperationAreRefusedWithProblemDetailsAndStoreNothing(SharedStack.Suite suite) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(suite.gateway() + "/openapi"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        JsonNode doc = JSON.readTree(document.body());
        assertEquals(0, doc.path("x-xietong-unavailable").size(), "every service is in the document");
        List<HostileRequests.Bad> requests = HostileRequests.from(doc);
        Callers callers = new Callers(suite, RouteTable.read(
                suite.config().root().resolve("gateway/src/main/resources/application.properties")));
        callers.assign(requests, doc);

        Map<String, Long> before = rowCounts(suite.config());
        long sending = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (HostileRequests.Bad request : requests) {
                futures.add(pool.submit(() -> send(suite.gateway(), request, callers)));
            }
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Duration sent = Duration.ofNanos(System.nanoTime() - sending);
        Map<String, Long> after = rowCounts(suite.config());

        report(outcomes, callers, sent, Duration.ofNanos(System.nanoTime() - begin));
        Path log = Path.of("target", "hostile-input.log");
        Files.createDirectories(log.getParent());
        Files.write(log, outcomes.stream().map(HostileInputIT::describe).toList(), StandardCharsets.UTF_8);
        List<String> failures = outcomes.stream().filter(o -> o.failure() != null).map(HostileInputIT::describe).toList();
        Map<String, String> stored = new TreeMap<>();
        before.forEach((table, count) -> {
            long now = after.getOrDefault(table, count);
            if (now != count) {
                stored.put(table, count + " -> " + now);
            }
        });
        assertTrue(outcomes.size() >= 500, "at least 500 bad requests, not " + outcomes.size());
        if (!failures.isEmpty() || !stored.isEmpty()) {
            fail(failures.size() + " of " + outcomes.size() + " bad requests were mishandled"
                    + (stored.isEmpty() ? "" : "; rows changed: " + stored) + "\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Sending and judging

    private Outcome send(String gateway, HostileRequests.Bad request, Callers callers) {
        String caller = callers.callerOf(request);
        try {
            String token = callers.token(caller);
            if (request.transport() == HostileRequests.Transport.RAW) {
                return judge(request, caller, raw(gateway, request, token));
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + request.target()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token);
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            request.headers().forEach(builder::header);
            HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : request.transport() == HostileRequests.Transport.CHUNKED
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(request.body());
            HttpRequest sent = builder.method(request.method(), body).build();
            HttpResponse<byte[]> response = http.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            ContractConformance.check(sent, request.body(), response.statusCode(), response.headers(), response.body());
            return judge(request, caller, new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return new Outcome(request, caller, -1, null, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(request, caller, -1, null, null, "interrupted");
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static Outcome judge(HostileRequests.Bad request, String caller, Answer answer) {
        return new Outcome(request, caller, answer.status(), answer.contentType(), answer.body(), failure(request, answer));
    }

    private static String failure(HostileRequests.Bad request, Answer answer) {
        int status = answer.status();
        if (status == 429) {
            return "rate-limited before it reached the service (BUDGET is off)";
        }
        if (request.expected() != 0 && status != request.expected()) {
            return "expected " + request.expected();
        }
        if (status >= 500) {
            return "server error";
        }
        if (request.unparseableUri()) {
            return status == 400 ? null : "an unparseable URI answered " + status;
        }
        if (status >= 400) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                return "not problem details (Content-Type " + answer.contentType() + ")";
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
                    return "problem 'status' is " + problem.path("status") + ", not " + status;
                }
            } catch (IOException e) {
                return "problem details that are not JSON";
            }
            return null;
        }
        if (request.streamed() && status == 200) {
            for (String line : answer.body().split("\n")) {
                if (!line.isBlank()) {
                    try {
                        int each = JSON.readTree(line).path("status").asInt();
                        if (each < 400 || each >= 500) {
                            return "a bill of the batch was answered " + each;
                        }
                    } catch (IOException e) {
                        return "an answer line that is not JSON";
                    }
                }
            }
            return null;
        }
        if (status >= 300 || status < 200) {
            return "unexpected status";
        }
        return request.method().equals("GET") ? null : "a bad write was accepted";
    }

    /** Bytes no client library sends (malformed escapes, raw UTF-8 in the path), on a socket. */
    private static Answer raw(String gateway, HostileRequests.Bad request, String token) throws IOException {
        URI uri = URI.create(gateway);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                throw new IOException("no HTTP answer: " + text);
            }
            String[] head = text.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(all, headEnd + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(new ByteArrayInputStream(body));
            }
            return new Answer(status, headers.get("content-type"), new String(body, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.skip(2);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Callers: a token the route table lets through, spread so that no one's rate limit runs dry

    static final class Callers {

        private final SharedStack.Suite suite;
        private final RouteLimits table;
        private final Map<HostileRequests.Bad, String> assigned = new IdentityHashMap<>();
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Map<String, Integer> used = new TreeMap<>();
        private final Set<String> unlisted = new TreeSet<>();

        Callers(SharedStack.Suite suite, RouteLimits table) {
            this.suite = suite;
            this.table = table;
        }

        /**
         * A realistic caller who holds a purpose the service's document lists for the operation, least used first within the budget; the platform admin when there is none.
         */
        void assign(List<HostileRequests.Bad> requests, JsonNode doc) {
            for (HostileRequests.Bad request : requests) {
                String probe = request.template().replaceAll("\\{[^}]+}", "x");
                Optional<RouteLimits.Rule> rule = table.rule(request.method(), probe);
                if (rule.isEmpty()) {
                    unlisted.add(request.operation());
                    assigned.put(request, ADMIN);
                    continue;
                }
                if (request.deep()) {
                    assigned.put(request, ADMIN);
                    used.merge(ADMIN + "|" + rule.get().limit(), 1, Integer::sum);
                    continue;
                }
                String limit = rule.get().limit();
                Set<String> purposes = new HashSet<>();
                doc.path("paths").path(request.template()).path(request.method().toLowerCase(Locale.ROOT))
                        .path("security").forEach(s -> s.properties().forEach(scheme -> scheme.getValue()
                                .forEach(p -> purposes.add(p.asText()))));
                List<String> candidates = new ArrayList<>();
                USERS_BY_ROLE.forEach((role, users) -> {
                    if (Purpose.heldBy(Set.of(role)).stream().anyMatch(purposes::contains)) {
                        candidates.addAll(users);
                    }
                });
                String caller = candidates.stream().distinct()
                        .filter(user -> used.getOrDefault(user + "|" + limit, 0) < budget(user, limit))
                        .min(Comparator.comparing(user -> used.getOrDefault(user + "|" + limit, 0)))
                        .orElse(ADMIN);
                int count = used.merge(caller + "|" + limit, 1, Integer::sum);
                if (count > budget(caller, limit)) {
                    throw new IllegalStateException("the bad requests would use more than " + budget(caller, limit)
                            + " of " + caller + "'s " + limit + " limit: generate fewer for " + rule.get().name());
                }
                assigned.put(request, caller);
            }
        }

        private static int budget(String user, String limit) {
            return (user.equals(ADMIN) ? ADMIN_BUDGET : BUDGET).getOrDefault(limit, 0);
        }

        String callerOf(HostileRequests.Bad request) {
            return assigned.get(request);
        }

        String token(String caller) throws IOException {
            String token = tokens.get(caller);
            if (token == null) {
                synchronized (this) {
                    token = tokens.get(caller);
                    if (token == null) {
                        token = fetch(caller);
                        tokens.put(caller, token);
                    }
                }
            }
            return token;
        }

        private String fetch(String caller) throws IOException {
            TokenClient client = suite.tokens();
            if (caller.startsWith("partner-")) {
                DemoAccounts.Partner partner = DemoAccounts.read(suite.config().realmFile()).partners().stream()
                        .filter(p -> p.clientId().equals(caller)).findFirst().orElseThrow();
                return client.clientCredentials(partner.clientId(), partner.secret());
            }
            return client.passwordGrant(caller, caller);
        }

        Map<String, Integer> usage() {
            return used;
        }

        Set<String> unlisted() {
            return unlisted;
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Storage and report

    /** Rows in every table of every service's database. */
    static Map<String, Long> rowCounts(StackConfig config) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + config.postgresPort()
                    + "/" + database, database, database + "-dev"); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    if (NOT_REQUEST_DRIVEN.contains(table)) {
                        continue;
                    }
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        counts.put(database + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static void report(List<Outcome> outcomes, Callers callers, Duration sent, Duration total) {
        Map<Integer, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        Map<String, Long> byService = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.request().template().split("/").length > 3 ? o.request().template().split("/")[3] : "?",
                TreeMap::new, Collectors.counting()));
        long operations = outcomes.stream().map(o -> o.request().operation()).distinct().count();
        System.out.printf("HostileInputIT: %d bad requests to %d operations in %d ms (%d ms with setup)%n",
                outcomes.size(), operations, sent.toMillis(), total.toMillis());
        System.out.println("  by status:  " + byStatus);
        System.out.println("  by service: " + byService);
        System.out.println("  by caller and rate-limit class: " + callers.usage());
        if (!callers.unlisted().isEmpty()) {
            System.out.println("  operations no route rule covers (the gateway refuses them): " + callers.unlisted());
        }
        Map<String, Long> failures = outcomes.stream().filter(o -> o.failure() != null)
                .collect(Collectors.groupingBy(Outcome::failure, LinkedHashMap::new, Collectors.counting()));
        if (!failures.isEmpty()) {
            System.out.println("  failures:   " + failures);
            outcomes.stream().filter(o -> o.failure() != null).forEach(o -> System.out.println("    " + describe(o)));
        }
    }

    private static String describe(Outcome o) {
        String body = o.body() == null ? "" : o.body().replaceAll("\\s+", " ");
        return o.request().operation() + " [" + o.request().variant() + "] as " + o.caller() + " -> " + o.status()
                + (o.failure() == null ? "" : " " + o.failure()) + ": "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
