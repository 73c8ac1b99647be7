package org.xietong.gateway.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Body limits per route and CORS for the configured origins. */
@QuarkusTest
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class EdgeLimitsTest {

    private static final String INSURANCE = TestTokens.user("ins-140000", "insurance-officer").client("partner-140000").sign();
    private static final int MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBodyOverTheRoutesLimitIs413WithoutReachingTheService() {
        int before = EchoUpstreamResource.CALLS.get();
        given().auth().oauth2(INSURANCE).contentType("application/json").body(new byte[10 * MB + 1])
                .post("/api/v1/healthcare/settlements/quote")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(before, EchoUpstreamResource.CALLS.get());
        // The batch route takes partner files far larger than 10 MB.
        given().auth().oauth2(INSURANCE).contentType("application/x-ndjson").body(new byte[12 * MB])
                .post("/api/v1/healthcare/settlements/batch")
                .then().statusCode(200).body("size", equalTo(12 * MB));
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/healthcare/settlements/quote"))
                .header("Authorization", "Bearer " + INSURANCE)
                .header("Content-Type", "application/json")
                // No length known in advance: the JDK client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[11 * MB])))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("payload-too-large"), response.body());
    }

    @Test
    void configuredOriginsMayCallFromABrowserOthersMayNot() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/pairing/schools")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/pairing/schools")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(INSURANCE).header("Origin", "http://localhost:3000").get("/api/v1/healthcare/institutions")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
