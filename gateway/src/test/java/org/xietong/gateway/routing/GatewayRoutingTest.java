package org.xietong.gateway.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class GatewayRoutingTest {

    private static final String TOKEN = TestTokens.user("admin", "platform-admin").sign();

    @Test
    void routesEachPrefixWithThePathAndTokenUnchanged() {
        for (String path : new String[]{"/api/v1/pairing/schools?page=1", "/api/v1/rotation/schools", "/api/v1/healthcare/institutions"}) {
            given().auth().oauth2(TOKEN).get(path)
                    .then().statusCode(200)
                    .body("path", equalTo(path))
                    .body("authorization", equalTo("Bearer " + TOKEN));
        }
    }

    @Test
    void relaysBodiesIntact() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"name\":\"密云区穆家峪中学\"}")
                .post("/api/v1/pairing/schools")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body.name", equalTo("密云区穆家峪中学"));
    }

    @Test
    void hopByHopHeadersAndThoseTheCallerNamesInConnectionStayOnTheirHop() {
        given().auth().oauth2(TOKEN)
                .header("Connection", "keep-alive, X-Caller-Hop")
                .header("X-Caller-Hop", "for the gateway only")
                .header("Keep-Alive", "timeout=5")
                .header("TE", "trailers")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Kept", "yes")
                .get("/api/v1/pairing/schools")
                .then().statusCode(200)
                .body("headers", hasItems("x-kept", "authorization", "x-request-id", "x-forwarded-for"))
                .body("headers", not(hasItems("x-caller-hop")))
                .body("headers", not(hasItems("keep-alive")))
                .body("headers", not(hasItems("te")))
                .body("headers", not(hasItems("proxy-authorization")))
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void pathsOutsideTheRoutedPrefixesAre404ProblemsWithoutAnUpstreamCall() {
        int before = EchoUpstreamResource.CALLS.get();
        given().auth().oauth2(TOKEN).get("/api/v1/unknown/things")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, EchoUpstreamResource.CALLS.get());
    }

    @Test
    void rejectsMissingInvalidAndExpiredTokensWithoutCallingUpstream() {
        int before = EchoUpstreamResource.CALLS.get();
        given().get("/api/v1/pairing/schools")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("garbage").get("/api/v1/rotation/schools")
                .then().statusCode(401).contentType("application/problem+json");
        String expired = TestTokens.user("edu-chaoyang", "education-officer").expiredAgo(Duration.ofMinutes(5)).sign();
        given().auth().oauth2(expired).post("/api/v1/healthcare/institutions")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, EchoUpstreamResource.CALLS.get(), "no rejected request reaches a service");
    }

    @Test
    void aTokenIsRefusedOnceItExpiresEvenAfterItWasAccepted() throws InterruptedException {
        String shortLived = TestTokens.user("admin", "platform-admin").expiredAgo(Duration.ofSeconds(-2)).sign();
        given().auth().oauth2(shortLived).get("/api/v1/pairing/schools").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/pairing/schools").then().statusCode(200);
        Thread.sleep(2_500);
        given().auth().oauth2(shortLived).get("/api/v1/pairing/schools").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
