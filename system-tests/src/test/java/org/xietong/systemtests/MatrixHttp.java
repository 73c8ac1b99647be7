package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.xietong.devstack.SuiteService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls through the gateway, or straight to the service, with a caller's real Keycloak token. A 429 is waited out (as Retry-After says) and
 * tried again: the matrix spends more of a caller's rate limit than a person would, and the limit is not what it
 * tests; it is never switched off.
 */
final class MatrixHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }
    }

    private final SharedStack.Suite suite;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    MatrixHttp(SharedStack.Suite suite) {
        this.suite = suite;
    }

    Answer send(MatrixCaller caller, String method, String target, JsonNode body, Map<String, String> headers) {
        return send(caller, MatrixRoute.GATEWAY, method, target, body, headers);
    }

    Answer send(MatrixCaller caller, MatrixRoute route, String method, String target, JsonNode body,
                Map<String, String> headers) {
        String base = route == MatrixRoute.GATEWAY ? suite.gateway() : serviceFor(target);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token(caller));
                headers.forEach(request::header);
                HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
                String json = null;
                if (body != null) {
                    if (!headers.containsKey("Content-Type")) {
                        request.header("Content-Type", "application/json");
                    }
                    json = JSON.writeValueAsString(body);
                    publisher = HttpRequest.BodyPublishers.ofString(json);
                }
                HttpRequest sent = request.method(method, publisher).build();
                HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
                ContractConformance.check(sent, json, response);
                // 503: the gateway could not reach the service (a loaded build machine); not the matrix's business.
                if (response.statusCode() == 503 && attempt < ATTEMPTS) {
                    Thread.sleep(1000L * attempt);
                    continue;
                }
                if (response.statusCode() == 429 && attempt < ATTEMPTS) {
                    long wait = response.headers().firstValueAsLong("Retry-After").orElse(2);
                    Thread.sleep(Math.min(10, Math.max(1, wait)) * 1000);
                    continue;
                }
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new UncheckedIOException(method + " " + target + " as " + caller.name(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The service that serves the path, reached on its own port as a caller inside the network would. */
    private String serviceFor(String target) {
        for (SuiteService service : SuiteService.values()) {
            if (service.apiPrefix() != null && target.startsWith(service.apiPrefix())) {
                return suite.config().url(service);
            }
        }
        throw new IllegalArgumentException("no service serves " + target);
    }

    Answer get(MatrixCaller caller, String target) {
        return send(caller, "GET", target, null, Map.of());
    }

    /** An admin read that must succeed: fixture building. */
    JsonNode read(MatrixCaller admin, String target) {
        Answer answer = get(admin, target);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + target + " as admin answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private String token(MatrixCaller caller) throws IOException {
        String token = tokens.get(caller.name());
        if (token == null) {
            token = caller.partner() ? suite.tokens().clientCredentials(caller.name(), caller.secret().orElseThrow())
                    : suite.tokens().passwordGrant(caller.name(), caller.name());
            tokens.put(caller.name(), token);
        }
        return token;
    }
}
