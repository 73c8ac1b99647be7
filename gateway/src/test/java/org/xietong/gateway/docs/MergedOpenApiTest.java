package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.platform.security.Purpose;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /openapi against stand-in services ({@link OpenApiUpstreamsResource}); the steps build on each other. */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(OpenApiUpstreamsResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MergedOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICE_PATHS =
            List.of("/api/v1/healthcare/institutions", "/api/v1/pairing/schools", "/api/v1/rotation/schools");

    @AfterAll
    static void healthcareUpAgain() {
        OpenApiUpstreamsResource.HEALTHCARE_UP.set(true);
    }

    @Test
    @Order(1)
    void aServiceThatIsDownIsLeftOutAndListedAsUnavailable() throws Exception {
        OpenApiUpstreamsResource.HEALTHCARE_UP.set(false);
        JsonNode doc = document();
        assertEquals(List.of("healthcare"), texts(doc.path("x-xietong-unavailable")));
        assertEquals(List.of("/api/v1/pairing/schools", "/api/v1/rotation/schools"), fieldNames(doc.path("paths")));
    }

    @Test
    @Order(2)
    void itIsAskedAgainOnTheNextRequestAndThenEveryServicesPathsAreThere() throws Exception {
        OpenApiUpstreamsResource.HEALTHCARE_UP.set(true);
        JsonNode doc = document();
        assertEquals(List.of(), texts(doc.path("x-xietong-unavailable")));
        assertEquals(SERVICE_PATHS, fieldNames(doc.path("paths")), "paths under each prefix, /q/health left out");
        assertEquals("Xietong API", doc.at("/info/title").asText());
        assertEquals("/", doc.at("/servers/0/url").asText());
        assertEquals(List.of("Institutions", "Schools"), doc.path("tags").findValuesAsText("name"));
    }

    @Test
    @Order(3)
    void aSchemaNameTwoServicesShapeDifferentlyIsRenamedWithItsRefsAndASharedOneIsKeptOnce() throws Exception {
        JsonNode doc = document();
        JsonNode schemas = doc.at("/components/schemas");
        assertEquals(List.of("Institution", "PairingSchool", "PairingSchoolPage", "Problem", "RotationSchool",
                "RotationSchoolPage"), fieldNames(schemas).stream().sorted().toList());
        assertTrue(schemas.at("/PairingSchool/properties").has("level"));
        assertTrue(schemas.at("/RotationSchool/properties").has("regionCode"));
        assertEquals("#/components/schemas/PairingSchoolPage", doc.at(
                "/paths/~1api~1v1~1pairing~1schools/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/RotationSchool", schemas.at("/RotationSchoolPage/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/Problem", doc.at(
                "/paths/~1api~1v1~1rotation~1schools/get/responses/400/content/application~1problem+json/schema/$ref").asText());
        assertFalse(doc.toString().contains("#/components/schemas/School\""), "no ref to a renamed schema is left");
    }

    @Test
    @Order(4)
    void loginGoesThroughKeycloakAndEveryOperationAcceptsItOrABearerTokenWithItsRoles() throws Exception {
        JsonNode doc = document();
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertEquals(List.of("keycloak", "jwt"), fieldNames(schemes), "the services' own schemes are replaced");
        JsonNode flow = schemes.at("/keycloak/flows/authorizationCode");
        assertEquals(TestTokens.ISSUER + "/protocol/openid-connect/auth", flow.path("authorizationUrl").asText());
        assertEquals(TestTokens.ISSUER + "/protocol/openid-connect/token", flow.path("tokenUrl").asText());
        assertEquals("bearer", schemes.at("/jwt/scheme").asText());
        assertEquals(JSON.readTree("[{\"keycloak\": []}, {\"jwt\": []}]"), doc.path("security"));
        JsonNode withRoles = JSON.readTree("[{\"keycloak\": [\"education-officer\", \"platform-admin\"]}, {\"jwt\": []}]");
        for (String path : SERVICE_PATHS) {
            assertEquals(withRoles, doc.path("paths").path(path).at("/get/security"), path + " keeps its roles");
            assertEquals(JSON.readTree("[\"education-officer\", \"platform-admin\"]"),
                    doc.path("paths").path(path).at("/get/x-xietong-purposes"), path + " lists its purposes");
        }
    }

    @Test
    @Order(4)
    void everyPurposeIsAScopeOfTheLoginWithItsMeaning() throws Exception {
        JsonNode scopes = document().at("/components/securitySchemes/keycloak/flows/authorizationCode/scopes");
        for (Purpose purpose : Purpose.values()) {
            assertEquals(purpose.description(), scopes.path(purpose.purposeName()).asText(), purpose.purposeName());
        }
    }

    @Test
    @Order(4)
    void everyOperationDeclaresWhatTheGatewayItselfMayAnswerAndTheHeadersItSends() throws Exception {
        JsonNode doc = document();
        for (String path : SERVICE_PATHS) {
            JsonNode get = doc.path("paths").path(path).path("get");
            for (String status : List.of("429", "503", "504")) {
                assertEquals("#/components/schemas/Problem", get.at("/responses/" + status
                        + "/content/application~1problem+json/schema/$ref").asText(), path + " " + status);
            }
            assertTrue(get.at("/responses/429/headers").has("Retry-After"), path);
            get.path("responses").properties().forEach(response -> assertTrue(
                    response.getValue().path("headers").path("X-Request-Id").path("required").asBoolean(),
                    path + " " + response.getKey() + " carries X-Request-Id"));
            assertTrue(get.at("/responses/200/headers").has("RateLimit-Remaining"), path);
            assertTrue(get.path("parameters").findValuesAsText("name").contains("X-Request-Id"), path);
        }
    }

    @Test
    @Order(5)
    void aCompleteDocumentIsServedFromTheCacheWhileAServiceIsDown() throws Exception {
        OpenApiUpstreamsResource.HEALTHCARE_UP.set(false);
        JsonNode doc = document();
        assertEquals(List.of(), texts(doc.path("x-xietong-unavailable")));
        assertEquals(SERVICE_PATHS, fieldNames(doc.path("paths")));
    }

    @Test
    void swaggerUiIsPublicAndShowsTheMergedDocumentWithKeycloakLogin() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("url: '/openapi'"))
                .body(containsString("clientId: 'xietong-cli'"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"));
        given().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }

    /** Fetched without a token: the document is public. */
    private static JsonNode document() throws Exception {
        String body = given().get("/openapi").then().statusCode(200).contentType("application/json")
                .extract().asString();
        return JSON.readTree(body);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
