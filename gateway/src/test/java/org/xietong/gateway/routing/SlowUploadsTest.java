package org.xietong.gateway.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.circuitbreaker.CircuitBreakerState;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers who trickle their request bodies, hundreds at once, to one service: they must not take the service's
 * pooled connections from other users, nor open its circuit. Loopback only; every attack stops by itself.
 */
@QuarkusTest
@TestProfile(SlowUploadsTest.SmallPool.class)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class SlowUploadsTest {

    /** One connection to healthcare per event loop, a second's wait for it, and a three-second upload deadline. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "xietong.gateway.services.healthcare.max-connections", "1",
                    "xietong.gateway.services.healthcare.connect-timeout", "1s",
                    "xietong.gateway.services.healthcare.breaker-failures", "3",
                    "xietong.gateway.policy.upload-deadline", "3s");
        }
    }

    private static final String ATTACKER = TestTokens.user("trickler", "insurance-officer").sign();
    private static final String OTHER = TestTokens.user("ins-other", "insurance-officer").sign();
    private static final String PATH = "/api/v1/healthcare/consultations";

    @TestHTTPResource("/")
    URI base;

    private final GatewayRoutes routes;

    SlowUploadsTest(GatewayRoutes routes) {
        this.routes = routes;
    }

    /** Opens {@code count} uploads of {@code length} bytes and sends the first {@code first} bytes of each at once. */
    private List<Socket> startUploads(int count, int length, int first) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        byte[] head = ("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ATTACKER
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(new byte[first]);
            out.flush();
            sockets.add(socket);
        }
        return sockets;
    }

    /** One byte to each still-open upload; those the gateway closed are skipped. */
    private static void trickle(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(' ');
            } catch (IOException closedByTheGateway) {
                // the deadline passed and the gateway hung up: as it should
            }
        }
    }

    private static String answerOf(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[2048];
            int n = in.read(buffer);
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** Other users' calls to the service while the uploads trickle on: each must be a 2xx, and quick. */
    private static List<String> othersCalls(List<Socket> uploads, int calls) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            trickle(uploads);
            long start = System.nanoTime();
            Response response = given().auth().oauth2(OTHER).get("/api/v1/healthcare/institutions");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (response.statusCode() / 100 != 2 || millis > 2_500) {
                wrong.add(response.statusCode() + " after " + millis + " ms: " + response.body().asString());
            }
        }
        return wrong;
    }

    @Test
    void hundredsOfTricklingUploadsLeaveOtherUsersCallsToThatServiceAnswering() throws Exception {
        given().auth().oauth2(OTHER).get("/api/v1/healthcare/institutions").then().statusCode(200);
        List<Socket> uploads = startUploads(200, 100_000, 10);
        try {
            assertEquals(List.of(), othersCalls(uploads, 15));
            // Past the deadline every upload is answered 408 and let go.
            Thread.sleep(3_500);
            int timedOut = 0;
            for (Socket socket : uploads) {
                String answer = answerOf(socket);
                if (answer.startsWith("HTTP/1.1 408") && answer.contains("upload-too-slow")) {
                    timedOut++;
                }
            }
            assertEquals(uploads.size(), timedOut, "uploads answered 408 after the deadline");
        } finally {
            closeAll(uploads);
        }
        assertEquals(CircuitBreakerState.CLOSED, routes.forwarders().get("healthcare").circuit());
        given().auth().oauth2(OTHER).get("/api/v1/healthcare/institutions").then().statusCode(200);
    }

    @Test
    void waitingForABusyConnectionIsA503ThatDoesNotOpenTheCircuit() throws Exception {
        // Large uploads past the held start take every pooled connection and then stall.
        List<Socket> uploads = startUploads(40, 1_000_000, 100 * 1024);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                trickle(uploads);
                Response response = given().auth().oauth2(OTHER).get("/api/v1/healthcare/institutions");
                statuses.add(response.statusCode());
                if (response.statusCode() == 503) {
                    assertEquals("service-busy", response.jsonPath().getString("type").replaceAll(".*/", ""),
                            response.body().asString());
                    assertEquals("1", response.header("Retry-After"));
                }
            }
        } finally {
            closeAll(uploads);
        }
        assertTrue(statuses.contains(503), "some call waited for a busy connection: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
        assertEquals(CircuitBreakerState.CLOSED, routes.forwarders().get("healthcare").circuit(),
                "three or more busy waits " + statuses + " and the circuit stays closed");
        given().auth().oauth2(OTHER).get("/api/v1/healthcare/institutions").then().statusCode(200);
    }
}
