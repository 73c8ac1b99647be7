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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the demo data of deploy/demo/ through the public API, as a platform admin, so it passes every rule a
 * real client's data does. On a developer's stack it is loaded once; a marker in the data directory remembers.
 */
public final class DemoData {

    public record Loaded(int schools, int pairings, int alliances, int activities) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SCHOOL_COLUMNS = {"code", "name", "regionCode", "locationType", "level", "latitude",
            "longitude", "studentCount", "qualityResource"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String token;

    private DemoData(String gatewayUrl, String token) {
        this.api = gatewayUrl + "/api/v1/pairing";
        this.token = token;
    }

    public static Optional<Loaded> loadOnce(StackConfig config, String gatewayUrl, String adminToken) throws IOException {
        Path marker = config.home().resolve("demo-loaded");
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        Loaded loaded = load(config.root().resolve("deploy/demo/pairing.json"), gatewayUrl, adminToken);
        Files.writeString(marker, loaded + "\n", StandardCharsets.UTF_8);
        return Optional.of(loaded);
    }

    public static Loaded load(Path file, String gatewayUrl, String adminToken) throws IOException {
        return new DemoData(gatewayUrl, adminToken).load(JSON.readTree(file.toFile()));
    }

    private Loaded load(JsonNode demo) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", SCHOOL_COLUMNS)).append('\n');
        for (JsonNode school : demo.path("schools")) {
            List<String> cells = new ArrayList<>();
            for (String column : SCHOOL_COLUMNS) {
                cells.add(school.path(column).isMissingNode() ? "" : school.path(column).asText());
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        send("POST", "/schools/import?mode=PER_ROW", "text/csv; charset=UTF-8", csv.toString(), 200);

        List<String> pairingIds = new ArrayList<>();
        for (JsonNode pairing : demo.path("pairings")) {
            JsonNode created = send("POST", "/pairings", "application/json", pairing.toString(), 201);
            String id = created.path("id").asText();
            for (String side : List.of("SUPPORTING", "SUPPORTED")) {
                send("POST", "/pairings/" + id + "/approvals", "application/json", "{\"side\":\"" + side + "\"}", 200);
            }
            pairingIds.add(id);
        }
        for (JsonNode alliance : demo.path("alliances")) {
            send("POST", "/alliances", "application/json", alliance.toString(), 201);
        }
        for (JsonNode activity : demo.path("activities")) {
            ObjectNode body = activity.deepCopy();
            body.put("pairingId", pairingIds.get(body.remove("pairing").asInt()));
            send("POST", "/activities", "application/json", body.toString(), 201);
        }
        return new Loaded(demo.path("schools").size(), pairingIds.size(), demo.path("alliances").size(),
                demo.path("activities").size());
    }

    private JsonNode send(String method, String path, String type, String body, int expected) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
