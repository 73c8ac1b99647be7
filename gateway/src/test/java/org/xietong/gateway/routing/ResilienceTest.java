package org.xietong.gateway.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

@QuarkusTest
@TestProfile(ResilienceTest.QuickBreakers.class)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class ResilienceTest {

    /** Short waits so the test sees a timeout and a circuit opening and closing in seconds. */
    public static class QuickBreakers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "xietong.gateway.services.healthcare.read-timeout", "1s",
                    "xietong.gateway.services.rotation.breaker-failures", "3",
                    "xietong.gateway.services.rotation.breaker-reset", "2s");
        }
    }

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();

    @Test
    void aStoppedServiceIs503WhileTheOthersAnswerAndItComesBack() {
        EchoUpstreamResource.stopService("rotation");
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(ADMIN).get("/api/v1/rotation/teachers").then().statusCode(503)
                        .contentType("application/problem+json")
                        .body("service", equalTo("rotation"))
                        .body("detail", containsString("cannot be reached"));
                given().auth().oauth2(ADMIN).get("/api/v1/pairing/schools").then().statusCode(200);
                given().auth().oauth2(ADMIN).get("/api/v1/healthcare/institutions").then().statusCode(200);
            }
            // Three failures open the circuit: callers are answered at once, with when to come back.
            given().auth().oauth2(ADMIN).get("/api/v1/rotation/teachers").then().statusCode(503)
                    .header("Retry-After", "2")
                    .body("detail", containsString("rested"))
                    .time(lessThan(500L));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'upstreams' }.data.rotation", containsString("DOWN"))
                    .body("checks.find { it.name == 'upstreams' }.data.pairing", containsString("UP"));
        } finally {
            EchoUpstreamResource.startService("rotation");
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get("/api/v1/rotation/teachers").then().statusCode(200)
                        .body("service", equalTo("rotation")));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504() {
        // Warmed up first: the time asserted is the gateway's wait, not a cold first request on a busy machine.
        given().auth().oauth2(ADMIN).get("/api/v1/healthcare/institutions").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/healthcare/slow").then().statusCode(504)
                .contentType("application/problem+json")
                .body("service", equalTo("healthcare"))
                .time(lessThan(2_900L));
        given().auth().oauth2(ADMIN).get("/api/v1/pairing/schools").then().statusCode(200);
    }
}
