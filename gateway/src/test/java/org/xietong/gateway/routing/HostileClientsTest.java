package org.xietong.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callers that misbehave on the wire: they must not hurt the service's circuit or anyone else. */
@QuarkusTest
@TestProfile(HostileClientsTest.ShortWaits.class)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class HostileClientsTest {

    public static class ShortWaits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "xietong.gateway.services.healthcare.read-timeout", "2s",
                    "xietong.gateway.services.rotation.breaker-failures", "3",
                    "xietong.gateway.services.rotation.breaker-reset", "60s");
        }
    }

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String TEACHER = TestTokens.user("t1", "teacher").sign();
    private static final String INSURANCE = TestTokens.user("ins-1", "insurance-officer").client("p").sign();

    @TestHTTPResource("/")
    URI base;

    @Inject
    MeterRegistry registry;

    private Socket open() throws Exception {
        return new Socket(base.getHost(), base.getPort());
    }

    private static String readFor(Socket socket, long millis) throws Exception {
        socket.setSoTimeout((int) millis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long end = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < end) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // nothing more within the wait
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadsAbandonedHalfwayDoNotOpenTheServicesCircuit() throws Exception {
        for (int i = 0; i < 4; i++) {
            try (Socket socket = open()) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/rotation/assignments/1/accept HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + TEACHER + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(new byte[1000]);
                out.flush();
                Thread.sleep(200);
            }
            Thread.sleep(200);
        }
        given().auth().oauth2(ADMIN).get("/api/v1/rotation/teachers").then().statusCode(200);
    }

    @Test
    void aSlowButSteadyUploadIsNotTakenForASlowService() throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/healthcare/settlements/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + INSURANCE
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 40\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 4; i++) {
                out.write("0123456789".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(800);
            }
            String answer = readFor(socket, 2000);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"size\":40"), answer);
        }
    }

    @Test
    void expectContinueIsAnsweredOnceTheRequestMayGoOn() throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/pairing/schools HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertTrue(readFor(socket, 1000).startsWith("HTTP/1.1 100 Continue"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertTrue(readFor(socket, 1500).startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void madeUpMethodsDoNotMintMetricSeries() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Socket socket = open()) {
                socket.getOutputStream().write(("M" + i + "X /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                readFor(socket, 300);
            }
        }
        Set<String> methods = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER");
        registry.find("xietong.gateway.requests").timers().forEach(timer ->
                assertTrue(methods.contains(timer.getId().getTag("method")), timer.getId().toString()));
    }

    @Test
    void matrixParametersCannotSteerTheRouteTable() throws Exception {
        String schoolAdmin = TestTokens.user("sa", "school-admin").sign();
        for (String path : new String[]{"/api/v1/rotation/matching-runs;x=1", "/api/v1/rotation/matching-runs;x/"}) {
            try (Socket socket = open()) {
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + schoolAdmin + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                String answer = readFor(socket, 1000);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.contains("application/problem+json"), answer);
            }
        }
        assertEquals(403, given().auth().oauth2(schoolAdmin).post("/api/v1/rotation/matching-runs").statusCode());
    }

    @Test
    void callersWhoHangUpAfterEachAnswerDoNotCostTheServiceItsConnections() throws Exception {
        // Before the fix each hang-up reset the finished exchange, and Vert.x then closed the pooled connection even
        // when it already carried another caller's request: that caller got a 503.
        given().auth().oauth2(ADMIN).get("/api/v1/healthcare/institutions").then().statusCode(200);
        Set<Integer> before = Set.copyOf(EchoUpstreamResource.CONNECTIONS.get("healthcare"));
        for (int i = 0; i < 10; i++) {
            try (Socket socket = open()) {
                socket.getOutputStream().write(("GET /api/v1/healthcare/institutions HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer " + ADMIN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                assertTrue(readFor(socket, 1000).startsWith("HTTP/1.1 200"));
            }
            Thread.sleep(50);
        }
        Set<Integer> opened = new HashSet<>(EchoUpstreamResource.CONNECTIONS.get("healthcare"));
        opened.removeAll(before);
        assertTrue(opened.size() <= 1, "new connections to the service for 10 calls: " + opened.size());
    }
}
