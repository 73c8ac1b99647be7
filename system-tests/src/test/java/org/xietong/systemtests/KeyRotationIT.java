package org.xietong.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Keycloak rotates the realm's signing key while the suite runs: the gateway (and the services behind it) verify
 * tokens against cached keys, so a token naming the new key id must make them fetch the keys again, once, and a
 * token signed with the old, still published key keeps working.
 */
@ExtendWith(SharedStack.class)
@Order(10)
class KeyRotationIT {

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return JsonPath.from(header).getString("kid");
    }

    @Test
    void aRotatedRealmKeyIsPickedUpWithoutARestart(SharedStack.Suite suite) throws Exception {
        String path = suite.gateway() + "/api/v1/pairing/schools";
        String before = suite.tokens().passwordGrant("edu-chaoyang", "edu-chaoyang");
        given().auth().oauth2(before).get(path).then().statusCode(200);

        String keycloak = suite.stack().keycloak().baseUrl();
        String master = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(keycloak + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String realmId = given().auth().oauth2(master).get(keycloak + "/admin/realms/xietong")
                .then().statusCode(200).extract().path("id");
        String location = given().auth().oauth2(master).contentType(ContentType.JSON)
                .body(Map.of("name", "rotated-" + System.nanoTime(), "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of("1000"), "algorithm", List.of("RS256"))))
                .post(keycloak + "/admin/realms/xietong/components")
                .then().statusCode(201).extract().header("Location");
        try {
            String after = suite.tokens().passwordGrant("edu-chaoyang", "edu-chaoyang");
            assertNotEquals(kid(before), kid(after), "Keycloak signs with the new key");
            given().auth().oauth2(after).get(path).then().statusCode(200);
            given().auth().oauth2(after).get(path).then().statusCode(200);
            given().auth().oauth2(before).get(path).then().statusCode(200);
        } finally {
            given().auth().oauth2(master).delete(location).then().statusCode(204);
        }
    }
}
