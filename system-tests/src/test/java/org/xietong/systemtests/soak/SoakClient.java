package org.xietong.systemtests.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.xietong.systemtests.ContractConformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the gateway as a demo user with a real Keycloak token and records every answer in the tally. A call that
 * gets no answer (refused, reset, timed out) is recorded too, as {@link RequestTally#NO_ANSWER}.
 */
public final class SoakClient {

    /** An answer: its status and its JSON body (missing when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean is(int expected) {
            return status == expected;
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Beijing-scale matching run answers after its solve; nothing in the soak should come near this. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final TokenCache tokens;
    private final RequestTally tally;

    public SoakClient(String gateway, TokenCache tokens, RequestTally tally) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.tally = tally;
    }

    public Answer get(RequestKind kind, String user, String path) {
        return send(kind, user, "GET", path, null);
    }

    public Answer post(RequestKind kind, String user, String path, Object body) {
        return send(kind, user, "POST", path, body);
    }

    public Answer put(RequestKind kind, String user, String path, Object body) {
        return send(kind, user, "PUT", path, body);
    }

    private Answer send(RequestKind kind, String user, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        long start = System.nanoTime();
        try {
            request.header("Authorization", "Bearer " + tokens.of(user));
            String json = body == null ? null : JSON.writeValueAsString(body);
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            HttpRequest sent = request.build();
            start = System.nanoTime();
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long nanos = System.nanoTime() - start;
            ContractConformance.check(sent, json, response);
            tally.record(kind, response.statusCode(), nanos, method + " " + path + " as " + user + ": "
                    + abbreviated(response.body()));
            return new Answer(response.statusCode(), parsed(response.body()));
        } catch (IOException e) {
            tally.record(kind, RequestTally.NO_ANSWER, System.nanoTime() - start, method + " " + path + " as " + user + ": " + e);
            return new Answer(RequestTally.NO_ANSWER, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(RequestTally.NO_ANSWER, MissingNode.getInstance());
        }
    }

    private static JsonNode parsed(String body) {
        try {
            return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
