package org.xietong.gateway.observability;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.gateway.routing.EchoUpstreamResource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String OFFICER = TestTokens.user("edu-chaoyang", "education-officer").region("110105")
            .client("chaoyang-app").sign();

    /** The management interface's port in tests (Quarkus's default test port for it). */
    private static final String MANAGEMENT_METRICS = "http://localhost:"
            + ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001)
            + "/q/metrics";

    private final List<String> accessLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("xietong.access").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("xietong.access").removeHandler(capture);
    }

    @Test
    void theCallersRequestIdTravelsDownstreamAndBack() {
        given().auth().oauth2(OFFICER).header("X-Request-Id", "chaoyang-7f3a")
                .get("/api/v1/pairing/schools").then().statusCode(200)
                .header("X-Request-Id", "chaoyang-7f3a")
                .body("requestId", equalTo("chaoyang-7f3a"))
                .body("forwardedFor", equalTo("127.0.0.1"));
        String generated = given().auth().oauth2(OFFICER).get("/api/v1/rotation/schools").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        assertNotEquals(generated, given().auth().oauth2(OFFICER).get("/api/v1/rotation/schools").then()
                .extract().header("X-Request-Id"), "each request gets its own id");
        // An id that could forge log lines is replaced, and rejections carry an id too.
        given().auth().oauth2(OFFICER).header("X-Request-Id", "x\"}{\"status\":200")
                .get("/api/v1/pairing/schools").then().header("X-Request-Id", matchesPattern(UUID));
        given().get("/api/v1/pairing/schools").then().statusCode(401).header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void everyRequestLeavesOneJsonAccessLine() {
        given().auth().oauth2(OFFICER).header("X-Request-Id", "log-line-1").get("/api/v1/pairing/schools?page=2")
                .then().statusCode(200);
        given().auth().oauth2(OFFICER).header("X-Request-Id", "log-line-2").post("/api/v1/healthcare/institutions")
                .then().statusCode(403);
        await().until(() -> accessLines.stream().anyMatch(l -> l.contains("log-line-2")));
        JsonObject ok = line("log-line-1");
        assertEquals("GET", ok.getString("method"));
        assertEquals("/api/v1/pairing/schools", ok.getString("path"), "the query string stays out of the log");
        assertEquals("pairing-read", ok.getString("route"));
        assertEquals("pairing", ok.getString("service"));
        assertEquals(200, ok.getInteger("status"));
        assertEquals("edu-chaoyang", ok.getString("user"));
        assertEquals("chaoyang-app", ok.getString("client"));
        assertTrue(ok.getDouble("latencyMs") >= 0);
        JsonObject refused = line("log-line-2");
        assertEquals(403, refused.getInteger("status"));
        assertEquals("healthcare-write", refused.getString("route"));
    }

    private JsonObject line(String requestId) {
        return accessLines.stream().map(JsonObject::new).filter(j -> requestId.equals(j.getString("requestId")))
                .findFirst().orElseThrow();
    }

    @Test
    void metricsCountRequestsPerRouteAndStatus() {
        given().auth().oauth2(OFFICER).get("/api/v1/rotation/posts").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{}").post("/api/v1/healthcare/settlements")
                .then().statusCode(403);
        given().get(MANAGEMENT_METRICS).then().statusCode(200)
                .body(containsString("xietong_gateway_requests_seconds_count{method=\"GET\",route=\"rotation-read\",service=\"rotation\",status=\"200\"}"))
                .body(containsString("route=\"settlements\",service=\"healthcare\",status=\"403\""));
    }

    @Test
    void metricsAreNotServedOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/metrics/").then().statusCode(404);
    }

    @Test
    void healthReportsEachUpstream() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.pairing", containsString("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.rotation", containsString("circuit CLOSED"))
                .body("checks.find { it.name == 'upstreams' }.data.healthcare", not(containsString("DOWN")));
    }
}
