package org.xietong.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the demo data of deploy/demo/ through the public API, as a platform admin, so it passes every rule a
 * real client's data does. On a developer's stack it is loaded once; a marker in the data directory remembers.
 */
public final class DemoData {

    public record Loaded(int schools, int pairings, int alliances, int activities, int teachers, int posts,
                         int proposed, int confirmed, int healthcareSteps) {
    }

    /** A demo user's access token; demo users' passwords are their names. */
    @FunctionalInterface
    public interface Tokens {
        String of(String user) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A save pointer that names a response header rather than a JSON pointer into the body. */
    private static final String HEADER = "header:";
    private static final String[] SCHOOL_COLUMNS = {"code", "name", "regionCode", "locationType", "level", "latitude",
            "longitude", "studentCount", "qualityResource"};

    private static final String[] TEACHER_COLUMNS = {"staffNumber", "name", "birthDate", "gender", "subjects",
            "level", "title", "schoolCode", "joinedSchoolOn", "backbone", "cadre", "tags"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Tokens tokens;
    private final Map<String, String> tokenByUser = new HashMap<>();
    private String user = "admin";

    private DemoData(String gatewayUrl, Tokens tokens) {
        this.gateway = gatewayUrl;
        this.tokens = tokens;
    }

    public static Optional<Loaded> loadOnce(StackConfig config, String gatewayUrl, Tokens tokens) throws IOException {
        Path marker = config.home().resolve("demo-loaded");
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        Loaded loaded = load(config.root().resolve("deploy/demo"), gatewayUrl, tokens);
        Files.writeString(marker, loaded + "\n", StandardCharsets.UTF_8);
        return Optional.of(loaded);
    }

    /** Loads {@code pairing.json}, then {@code rotation.json}, then the steps of each {@code healthcare-*.json}. */
    public static Loaded load(Path demoDirectory, String gatewayUrl, Tokens tokens) throws IOException {
        DemoData demo = new DemoData(gatewayUrl, tokens);
        JsonNode pairing = JSON.readTree(demoDirectory.resolve("pairing.json").toFile());
        JsonNode rotation = JSON.readTree(demoDirectory.resolve("rotation.json").toFile());
        int[] paired = demo.loadPairing(pairing);
        int[] rotated = demo.loadRotation(rotation);
        int steps = 0;
        try (Stream<Path> files = Files.list(demoDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("healthcare-.*\\.json")).sorted().toList()) {
                steps += demo.runSteps(JSON.readTree(file.toFile()));
            }
        }
        return new Loaded(pairing.path("schools").size(), paired[0], pairing.path("alliances").size(),
                pairing.path("activities").size(), rotation.path("teachers").size(), rotation.path("posts").size(),
                rotated[0], rotated[1], steps);
    }

    /**
     * Runs {@code steps}: each calls the API ({@code method}, {@code path}, {@code body}) as {@code as} (default
     * admin) with any {@code headers}, expects {@code expect}, and may {@code save} values of the answer by JSON
     * pointer (or a response header, as {@code header:ETag}); {@code ${name}} in later paths, headers and bodies
     * stands for a saved value, {@code ${today}} for the date in China and {@code ${month}} for its month.
     */
    private int runSteps(JsonNode demo) throws IOException {
        Map<String, String> saved = new HashMap<>();
        saved.put("today", LocalDate.now(CHINA).toString());
        saved.put("month", YearMonth.now(CHINA).toString());
        int count = 0;
        for (JsonNode step : demo.path("steps")) {
            user = step.path("as").asText("admin");
            String path = substitute(step.path("path").asText(), saved);
            String body = step.has("body") ? substitute(step.path("body").toString(), saved) : "";
            Map<String, String> headers = new HashMap<>();
            step.path("headers").properties().forEach(h -> headers.put(h.getKey(), substitute(h.getValue().asText(), saved)));
            HttpResponse<String> response = exchange(step.path("method").asText("POST"), path, "application/json", body,
                    headers, step.path("expect").asInt(200));
            JsonNode answer = JSON.readTree(response.body());
            for (Map.Entry<String, JsonNode> save : step.path("save").properties()) {
                String pointer = save.getValue().asText();
                saved.put(save.getKey(), pointer.startsWith(HEADER)
                        ? response.headers().firstValue(pointer.substring(HEADER.length())).orElse("")
                        : answer.at(pointer).asText());
            }
            count++;
        }
        user = "admin";
        return count;
    }

    private static String substitute(String text, Map<String, String> saved) {
        String result = text;
        for (Map.Entry<String, String> value : saved.entrySet()) {
            result = result.replace("${" + value.getKey() + "}", value.getValue());
        }
        return result;
    }

    private static String csv(JsonNode rows, String[] columns) {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(row.path(column).isMissingNode() ? "" : row.path(column).asText());
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private int[] loadPairing(JsonNode demo) throws IOException {
        send("POST", "/api/v1/pairing/schools/import?mode=PER_ROW", "text/csv; charset=UTF-8",
                csv(demo.path("schools"), SCHOOL_COLUMNS), 200);

        List<String> pairingIds = new ArrayList<>();
        for (JsonNode pairing : demo.path("pairings")) {
            JsonNode created = send("POST", "/api/v1/pairing/pairings", "application/json", pairing.toString(), 201);
            String id = created.path("id").asText();
            for (String side : List.of("SUPPORTING", "SUPPORTED")) {
                send("POST", "/api/v1/pairing/pairings/" + id + "/approvals", "application/json", "{\"side\":\"" + side + "\"}", 200);
            }
            pairingIds.add(id);
        }
        List<String> allianceIds = new ArrayList<>();
        for (JsonNode alliance : demo.path("alliances")) {
            allianceIds.add(send("POST", "/api/v1/pairing/alliances", "application/json", alliance.toString(), 201)
                    .path("id").asText());
        }
        // An activity names its host by the index of a pairing or an alliance above, or by a region code.
        for (JsonNode activity : demo.path("activities")) {
            ObjectNode body = activity.deepCopy();
            if (body.has("pairing")) {
                body.put("pairingId", pairingIds.get(body.remove("pairing").asInt()));
            } else if (body.has("alliance")) {
                body.put("allianceId", allianceIds.get(body.remove("alliance").asInt()));
            }
            send("POST", "/api/v1/pairing/activities", "application/json", body.toString(), 201);
        }
        return new int[]{pairingIds.size()};
    }

    /**
     * Policies, teachers and posts, then the runs: each proposes assignments; those for the posts a run lists under
     * "confirm" are accepted and confirmed (the admin covers both sides), those under "start" also started.
     */
    private int[] loadRotation(JsonNode demo) throws IOException {
        awaitReplica(demo);
        for (Map.Entry<String, JsonNode> policy : demo.path("policies").properties()) {
            send("PUT", "/api/v1/rotation/policies/" + policy.getKey(), "application/json", policy.getValue().toString(), 200);
        }
        send("POST", "/api/v1/rotation/teachers/import", "text/csv; charset=UTF-8",
                csv(demo.path("teachers"), TEACHER_COLUMNS), 200);
        Map<String, Long> posts = new HashMap<>();
        for (JsonNode post : demo.path("posts")) {
            ObjectNode body = post.deepCopy();
            String key = body.remove("key").asText();
            long id = send("POST", "/api/v1/rotation/posts", "application/json", body.toString(), 201).path("id").asLong();
            send("POST", "/api/v1/rotation/posts/" + id + "/dispatch", "application/json", "", 200);
            posts.put(key, id);
        }
        int proposed = 0;
        int confirmed = 0;
        for (JsonNode run : demo.path("runs")) {
            ObjectNode body = JSON.createObjectNode().put("regionCode", run.path("regionCode").asText())
                    .put("cycle", run.path("cycle").asInt());
            run.path("posts").forEach(key -> body.withArray("postIds").add(posts.get(key.asText())));
            JsonNode result = send("POST", "/api/v1/rotation/matching-runs", "application/json", body.toString(), 201);
            for (JsonNode proposal : result.path("proposals")) {
                proposed++;
                long post = proposal.path("postId").asLong();
                String path = "/api/v1/rotation/assignments/" + proposal.path("assignmentId").asText();
                if (listed(run.path("confirm"), posts, post)) {
                    send("POST", path + "/accept", "application/json", "", 200);
                    send("POST", path + "/confirm", "application/json", "", 200);
                    confirmed++;
                }
                if (listed(run.path("start"), posts, post)) {
                    send("POST", path + "/start", "application/json", "", 200);
                }
            }
        }
        return new int[]{proposed, confirmed};
    }

    private static boolean listed(JsonNode keys, Map<String, Long> posts, long postId) {
        for (JsonNode key : keys) {
            if (posts.get(key.asText()) == postId) {
                return true;
            }
        }
        return false;
    }

    /** rotation-service learns schools and their links from pairing-service's events: wait until it has them. */
    private void awaitReplica(JsonNode demo) throws IOException {
        Set<String> needed = new HashSet<>();
        demo.path("teachers").forEach(t -> needed.add(t.path("schoolCode").asText()));
        demo.path("posts").forEach(p -> needed.add(p.path("schoolCode").asText()));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Set<String> missing = needed;
        while (System.nanoTime() < deadline) {
            Set<String> linked = new HashSet<>();
            for (int page = 0; ; page++) {
                JsonNode found = send("GET", "/api/v1/rotation/schools?size=200&page=" + page, "application/json", "", 200);
                found.path("items").forEach(s -> {
                    if (!s.path("linkedSchools").isEmpty()) {
                        linked.add(s.path("code").asText());
                    }
                });
                if (found.path("items").size() < 200) {
                    break;
                }
            }
            missing = new HashSet<>(needed);
            missing.removeAll(linked);
            if (missing.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("rotation-service has not received the schools " + missing + " and their pairings");
    }

    private String token() throws IOException {
        String token = tokenByUser.get(user);
        if (token == null) {
            token = tokens.of(user);
            tokenByUser.put(user, token);
        }
        return token;
    }

    private JsonNode send(String method, String path, String type, String body, int expected) throws IOException {
        return JSON.readTree(exchange(method, path, type, body, Map.of(), expected).body());
    }

    private HttpResponse<String> exchange(String method, String path, String type, String body,
                                          Map<String, String> headers, int expected) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token()).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
