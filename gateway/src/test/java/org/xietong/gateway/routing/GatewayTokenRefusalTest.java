package org.xietong.gateway.routing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway refuses tokens not meant for the API with a 401 that names the reason, before any upstream call. */
@QuarkusTest
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class GatewayTokenRefusalTest {

    private static TestTokens admin() {
        return TestTokens.user("admin", "platform-admin");
    }

    @Test
    void aTokenOfAnotherClientsAudienceIsA401NamingTheAudienceWithoutAnUpstreamCall() {
        int before = EchoUpstreamResource.CALLS.get();
        String adminCli = admin().client("admin-cli").audience("account").sign();
        given().auth().oauth2(adminCli).get("/api/v1/pairing/schools")
                .then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("audience"))
                .body("detail", containsString("xietong-api"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        assertEquals(before, EchoUpstreamResource.CALLS.get());
    }

    @Test
    void aTokenOfAnotherIssuerIsA401NamingTheExpectedIssuer() {
        String otherHost = admin().issuer("http://127.0.0.1:8180/realms/xietong").sign();
        given().auth().oauth2(otherHost).get("/api/v1/rotation/schools")
                .then().statusCode(401)
                .body("reason", equalTo("issuer"))
                .body("detail", containsString(TestTokens.ISSUER));
    }

    @Test
    void anExpiredTokenIsA401SayingItExpired() {
        String expired = admin().expiredAgo(Duration.ofMinutes(5)).sign();
        given().auth().oauth2(expired).get("/api/v1/healthcare/institutions")
                .then().statusCode(401)
                .body("reason", equalTo("expired"))
                .header("WWW-Authenticate", containsString("expired"));
    }
}
