package org.xietong.gateway.policy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.gateway.routing.EchoApiDocuments;
import org.xietong.gateway.routing.EchoUpstreamResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway lets a caller through to an operation only with one of the purposes the service's own API document
 * lists for it ({@link EchoApiDocuments}); nothing about roles is written in the gateway's configuration.
 */
@QuarkusTest
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class PurposeThroughGatewayTest {

    private static Response post(String token, String path) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post(path);
    }

    @Test
    void aCallerHoldingTheOperationsPurposeIsForwarded() {
        String insurance = TestTokens.user("ins-dezhou", "insurance-officer").sign();
        post(insurance, "/api/v1/healthcare/ltc/requests").then().statusCode(200)
                .body("service", equalTo("healthcare"))
                .body("path", equalTo("/api/v1/healthcare/ltc/requests"));
    }

    @Test
    void aCallerLackingThePurposeGetsA403ProblemNamingItWithoutAnUpstreamCall() {
        // An education officer holds no healthcare purpose; a partner system holds none it was not granted.
        int before = EchoUpstreamResource.CALLS.get();
        for (String token : new String[]{TestTokens.user("edu-neimeng", "education-officer").sign(),
                TestTokens.user("partner-150000", "partner-system").client("partner-150000").sign()}) {
            post(token, "/api/v1/healthcare/ltc/requests").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("healthcare:ltc"))
                    .body("purposes", hasItems("healthcare:ltc"));
        }
        assertEquals(before, EchoUpstreamResource.CALLS.get());
    }

    @Test
    void aPurposeForOneOperationDoesNotOpenAnotherOnTheSamePath() {
        String insurance = TestTokens.user("ins-dezhou", "insurance-officer").sign();
        post(insurance, "/api/v1/healthcare/ltc/requests/7/result").then().statusCode(403)
                .body("detail", containsString("healthcare:ltc-assess"));
        String assessor = TestTokens.user("assessor", "ltc-assessor").sign();
        post(assessor, "/api/v1/healthcare/ltc/requests/7/result").then().statusCode(200)
                .body("path", equalTo("/api/v1/healthcare/ltc/requests/7/result"));
    }

    @Test
    void anOperationTheServiceDoesNotHaveIs404WithoutAnUpstreamCall() {
        String admin = TestTokens.user("admin", "platform-admin").sign();
        int before = EchoUpstreamResource.CALLS.get();
        given().auth().oauth2(admin).get("/api/v1/healthcare/ltc/requests/7/result").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("no-such-operation"))
                .body("service", equalTo("healthcare"));
        given().auth().oauth2(admin).get("/api/v1/pairing/a/b/c/d/e").then().statusCode(404);
        given().auth().oauth2(admin).options("/api/v1/rotation/teachers").then().statusCode(404);
        assertEquals(before, EchoUpstreamResource.CALLS.get());
    }

    @Test
    void anOperationThatDeclaresNoPurposeIsClosedEvenToAdministrators() {
        String admin = TestTokens.user("admin", "platform-admin").sign();
        int before = EchoUpstreamResource.CALLS.get();
        given().auth().oauth2(admin).get(EchoApiDocuments.UNDECLARED).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("declares no purpose"));
        assertEquals(before, EchoUpstreamResource.CALLS.get());
    }
}
