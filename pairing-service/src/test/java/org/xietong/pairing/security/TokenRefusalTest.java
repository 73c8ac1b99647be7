package org.xietong.pairing.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A refused token gets a 401 problem and a Bearer challenge that name the reason, straight at a service. */
@QuarkusTest
class TokenRefusalTest {

    private static final String SCHOOLS = "/api/v1/pairing/schools";

    private static TestTokens officer() {
        return TestTokens.user("edu-chaoyang", "education-officer").region("110105");
    }

    @Test
    void aTokenOfTheApisAudienceIsAccepted() {
        given().auth().oauth2(officer().sign()).get(SCHOOLS).then().statusCode(200);
    }

    @Test
    void aTokenOfAnotherClientsAudienceIsRefusedNamingTheAudience() {
        String adminCli = officer().client("admin-cli").audience("account").sign();
        given().auth().oauth2(adminCli).get(SCHOOLS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("audience"))
                .body("detail", containsString("xietong-api"))
                .header("WWW-Authenticate", allOf(containsString("error=\"invalid_token\""),
                        containsString("error_description=\"The token was not issued for this API")));
    }

    @Test
    void aTokenWithoutAnyAudienceIsRefusedNamingTheAudience() {
        given().auth().oauth2(officer().audience().sign()).get(SCHOOLS)
                .then().statusCode(401).body("reason", equalTo("audience"));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedNamingTheExpectedIssuer() {
        String otherHost = officer().issuer("http://127.0.0.1:8180/realms/xietong").sign();
        given().auth().oauth2(otherHost).get(SCHOOLS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("issuer"))
                .body("detail", containsString("expected issuer " + TestTokens.ISSUER))
                .header("WWW-Authenticate", containsString(TestTokens.ISSUER));
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String expired = officer().expiredAgo(Duration.ofHours(1)).sign();
        given().auth().oauth2(expired).get(SCHOOLS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("expired"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }

    @Test
    void anAlteredTokenIsRefusedForItsSignature() {
        String[] parts = officer().sign().split("\\.");
        String altered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(altered).get(SCHOOLS)
                .then().statusCode(401).body("reason", equalTo("signature"));
    }

    @Test
    void aMalformedTokenIsRefusedAsMalformedWithoutEchoingIt() {
        given().auth().oauth2("not-a-jwt").get(SCHOOLS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("malformed"))
                .body("detail", not(containsString("not-a-jwt")))
                .header("WWW-Authenticate", not(containsString("not-a-jwt")));
    }

    @Test
    void aRequestWithoutATokenGetsAPlainBearerChallenge() {
        given().get(SCHOOLS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }
}
