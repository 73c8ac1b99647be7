package org.xietong.gateway.policy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.gateway.routing.EchoUpstreamResource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A service whose API document the gateway could not load: it cannot tell the purposes, so it forwards nothing. */
@QuarkusTest
@TestProfile(UnloadedApiDocumentTest.ArchiveNowhere.class)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class UnloadedApiDocumentTest {

    /** One more service, on a port nothing listens on. */
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
                    "xietong.gateway.services.archive.prefix", "/api/v1/archive");
        }
    }

    @Test
    void itsOperationsAre503WithRetryAfterNamingTheServiceWhileTheOthersAnswer() {
        String admin = TestTokens.user("admin", "platform-admin").sign();
        given().auth().oauth2(admin).get("/api/v1/archive/records").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("service", equalTo("archive"))
                .body("detail", containsString("API document"));
        given().auth().oauth2(admin).get("/api/v1/pairing/schools").then().statusCode(200);
    }
}
