package org.xietong.gateway.limits;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.gateway.routing.EchoUpstreamResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    /** Three reads per user and five per client application every twenty seconds. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "xietong.gateway.limits.read.user-requests", "3",
                    "xietong.gateway.limits.read.client-requests", "5",
                    "xietong.gateway.limits.read.period", "20s");
        }
    }

    private static Response read(String user, String client) {
        return given().auth().oauth2(TestTokens.user(user, "education-officer").client(client).sign())
                .get("/api/v1/pairing/schools");
    }

    @Test
    void oneUserAndOneClientAreEachCappedAndTheRetryAfterIsTrue() throws Exception {
        read("warm-up", "warm-up-app").then().statusCode(200);
        int before = EchoUpstreamResource.CALLS.get();
        for (int i = 0; i < 3; i++) {
            read("busy", "district-app").then().statusCode(200);
        }
        Response refused = read("busy", "district-app");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("user limit of the read class"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 7, "Retry-After " + retryAfter);

        // A colleague on the same application still gets the client's remaining two, then the client is capped.
        read("colleague", "district-app").then().statusCode(200);
        read("colleague", "district-app").then().statusCode(200);
        read("colleague", "district-app").then().statusCode(429)
                .body("detail", containsString("client limit of the read class"));
        // Another application is not affected by the busy one.
        read("partner-user", "partner-app").then().statusCode(200);
        assertEquals(6, EchoUpstreamResource.CALLS.get() - before, "refused requests never reach the service");

        Thread.sleep(retryAfter * 1000L);
        read("busy", "district-app").then().statusCode(200);
    }

    @Test
    void everyAnswerTellsTheTighterBucketsLimitWhatIsLeftAndWhenItIsFullAgain() {
        // The user's bucket (3) is tighter than the client's (5): after one read, 2 left, full again in ~7 s.
        Response first = read("counted", "counting-app");
        first.then().statusCode(200)
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "2");
        long reset = Long.parseLong(first.header("RateLimit-Reset"));
        assertTrue(reset >= 1 && reset <= 7, "RateLimit-Reset " + reset);
        read("counted", "counting-app");
        read("counted", "counting-app");
        Response refused = read("counted", "counting-app");
        refused.then().statusCode(429).header("RateLimit-Remaining", "0").header("RateLimit-Limit", "3");
        assertEquals(refused.header("Retry-After"), refused.header("RateLimit-Reset"));
    }

    @Test
    void usersOfAPublicClientHaveTheirOwnBucketsAndNoSharedOne() {
        // Four users of the shared CLI client make twelve reads, over the five one client gets: none is refused.
        for (String user : new String[]{"cli-1", "cli-2", "cli-3", "cli-4"}) {
            for (int i = 0; i < 3; i++) {
                read(user, "xietong-cli").then().statusCode(200);
            }
        }
        read("cli-1", "xietong-cli").then().statusCode(429)
                .body("detail", containsString("user limit of the read class"));
        read("cli-5", "xietong-cli").then().statusCode(200);
    }
}
