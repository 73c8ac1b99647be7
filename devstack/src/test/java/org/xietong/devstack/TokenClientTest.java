package org.xietong.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenClientTest {

    private static final String REFUSED = "{\"error\":\"invalid_grant\",\"error_description\":\"Account temporarily disabled\"}";

    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private HttpServer keycloak;

    private TokenClient refusingFirst(int refusals) throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/xietong/protocol/openid-connect/token", exchange -> {
            boolean refuse = requests.incrementAndGet() <= refusals;
            byte[] body = (refuse ? REFUSED : "{\"access_token\":\"eyJ.token\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(refuse ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        return new TokenClient("http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/xietong",
                Duration.ofMillis(1), said::add);
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void aRefusedTokenRequestIsTriedAgainAndEachFailureIsTold() throws IOException {
        String token = refusingFirst(2).passwordGrant("admin", "admin");

        assertEquals("eyJ.token", token);
        assertEquals(3, requests.get());
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).contains("token for admin: try 1 of 5 failed (Keycloak refused the token request (400): "
                + "Account temporarily disabled); trying again in 1 ms"), said.get(0));
        assertTrue(said.get(1).contains("try 2 of 5") && said.get(1).contains("in 2 ms"), said.get(1));
    }

    @Test
    void theClientGivesUpAfterFiveTriesWithKeycloaksReason() throws IOException {
        TokenClient client = refusingFirst(Integer.MAX_VALUE);

        IOException failure = assertThrows(IOException.class, () -> client.clientCredentials("partner-150000", "s"));

        assertEquals(TokenClient.ATTEMPTS, requests.get());
        assertTrue(failure.getMessage().contains("Account temporarily disabled"), failure.getMessage());
        assertTrue(said.get(4).contains("try 5 of 5") && said.get(4).endsWith("giving up"), said.get(4));
    }
}
