package org.xietong.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Gets access tokens from Keycloak: password grant for demo users, client credentials for partner systems. A refused
 * or failed request is tried again with backoff (at most {@link #ATTEMPTS} tries), and each failure is told to
 * {@code say}: a login racing another of the same user, or Keycloak still starting, does not leave the caller without
 * a token.
 */
public final class TokenClient {

    public static final String CLI_CLIENT = "xietong-cli";
    public static final int ATTEMPTS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final Duration firstBackoff;
    private final Consumer<String> say;

    public TokenClient(String issuer) {
        this(issuer, Duration.ofMillis(500), message -> System.err.println("xietong: " + message));
    }

    /** {@code firstBackoff} doubles after each failed try; {@code say} hears of every failure. */
    public TokenClient(String issuer, Duration firstBackoff, Consumer<String> say) {
        this.issuer = issuer;
        this.firstBackoff = firstBackoff;
        this.say = say;
    }

    public String passwordGrant(String username, String password) throws IOException {
        return request("token for " + username, Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    public String clientCredentials(String clientId, String secret) throws IOException {
        return request("token for client " + clientId,
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String request(String what, Map<String, String> form) throws IOException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return requestOnce(form);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    say.accept(what + ": try " + attempt + " of " + ATTEMPTS + " failed (" + e.getMessage() + "); giving up");
                    throw e;
                }
                say.accept(what + ": try " + attempt + " of " + ATTEMPTS + " failed (" + e.getMessage()
                        + "); trying again in " + backoff.toMillis() + " ms");
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private String requestOnce(Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new IOException("Keycloak answered " + response.statusCode() + " without a JSON body");
        }
        if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
            throw new IOException("Keycloak refused the token request (" + response.statusCode() + "): "
                    + json.path("error_description").asText(json.path("error").asText(response.body())));
        }
        return json.get("access_token").asText();
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to try again", e);
        }
    }
}
