package org.xietong.gateway.policy;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.gateway.routing.EchoUpstreamResource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service whose API document the gateway could not load: it cannot tell the purposes, so it forwards nothing;
 * once the service is up, its first request loads the document and goes through.
 */
@QuarkusTest
@TestProfile(UnloadedApiDocumentTest.ArchiveNowhere.class)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnloadedApiDocumentTest {

    /** One more service, on a port nothing listens on while the gateway starts. */
    public static class ArchiveNowhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("xietong.gateway.services.archive.url", "http://127.0.0.1:" + port,
                    "xietong.gateway.services.archive.prefix", "/api/v1/archive",
                    "xietong.gateway.policy.routes.archive.path", "/api/v1/archive");
        }
    }

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();

    @Test
    @Order(1)
    void itsOperationsAre503WithRetryAfterNamingTheServiceWhileTheOthersAnswer() {
        given().auth().oauth2(ADMIN).get("/api/v1/archive/records").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("service", equalTo("archive"))
                .body("detail", containsString("API document"));
        given().auth().oauth2(ADMIN).get("/api/v1/pairing/schools").then().statusCode(200);
    }

    @Test
    @Order(2)
    void onceTheServiceIsUpItsFirstRequestLoadsTheDocumentAndGoesThrough() throws Exception {
        byte[] document = """
                {"openapi": "3.1.0", "paths": {"/api/v1/archive/records": {"get": {
                  "security": [{"SecurityScheme": ["pairing:read"]}]}}}}""".getBytes(StandardCharsets.UTF_8);
        URI configured = URI.create(ConfigProvider.getConfig().getValue("xietong.gateway.services.archive.url", String.class));
        HttpServer archive = HttpServer.create(new InetSocketAddress("127.0.0.1", configured.getPort()), 0);
        archive.createContext("/q/openapi", exchange -> {
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        archive.createContext("/", exchange -> {
            byte[] body = "{\"service\":\"archive\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        archive.start();
        try {
            // Past the second within which the last fetch's answer stands.
            Thread.sleep(1_100);
            given().auth().oauth2(ADMIN).get("/api/v1/archive/records").then().statusCode(200)
                    .body("service", equalTo("archive"));
            given().auth().oauth2(TestTokens.user("h", "health-officer").sign()).get("/api/v1/archive/records")
                    .then().statusCode(403).body("detail", containsString("pairing:read"));
        } finally {
            archive.stop(0);
        }
    }
}
