package org.xietong.pairing.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.devstack.test.ApiDocument;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service enforces each operation's purpose itself, as if no gateway stood before it (issue 17): a partner system
 * does what its client was granted and nothing else, and a person of another area gets nothing.
 */
@QuarkusTest
class PurposeAccessTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    /** Inner Mongolia's education partner, granted as in the demo realm. */
    private static final String EDUCATION_PARTNER = TestTokens.demoPartner("partner-150000").sign();
    /** Chongqing's insurance partner as the demo realm grants it. */
    private static final String INSURANCE_PARTNER = TestTokens.demoPartner("partner-500000").sign();
    private static final String HEALTH_OFFICER = TestTokens.user("health-beijing", "health-officer").region("110000").sign();

    @BeforeEach
    void schools() {
        for (Map<String, Object> school : List.of(
                SchoolFixtures.school("1111057701", "北京市第八十中学", "110105", "URBAN", "JUNIOR"),
                SchoolFixtures.school("2152227701", "科右前旗第二中学", "152221", "RURAL", "JUNIOR"))) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(school).post("/api/v1/pairing/schools");
        }
    }

    @Test
    void anEducationPartnerProposesAPairingForASchoolOfItsRegion() {
        given().auth().oauth2(EDUCATION_PARTNER).contentType(ContentType.JSON)
                .body(Map.of("kind", "CROSS_REGION", "supportingParty", "1111057701", "supportedParty", "2152227701"))
                .post("/api/v1/pairing/pairings").then().statusCode(201).body("status", equalTo("PROPOSED"));
    }

    @Test
    void anEducationPartnerReadsItsRegionsPairingData() {
        given().auth().oauth2(EDUCATION_PARTNER).get("/api/v1/pairing/schools/2152227701").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "insurance partner, GET, /api/v1/pairing/schools",
            "insurance partner, GET, /api/v1/pairing/exchange/events",
            "insurance partner, POST, /api/v1/pairing/pairings",
            "health officer, GET, /api/v1/pairing/schools",
            "health officer, GET, /api/v1/pairing/pairings",
            "education partner, POST, /api/v1/pairing/schools",
            "education partner, GET, /api/v1/pairing/audit?entity=school&id=2152227701"})
    void aCallerWithoutTheOperationsPurposeIsRefusedByTheServiceItself(String caller, String method, String path) {
        String token = switch (caller) {
            case "insurance partner" -> INSURANCE_PARTNER;
            case "health officer" -> HEALTH_OFFICER;
            default -> EDUCATION_PARTNER;
        };
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "get, /api/v1/pairing/exchange/events, pairing:exchange",
            "get, /api/v1/pairing/audit, pairing:audit",
            "get, /api/v1/pairing/schools, pairing:read",
            "post, /api/v1/pairing/pairings, pairing:cooperate",
            "post, /api/v1/pairing/activities, pairing:record",
            "post, /api/v1/pairing/schools, pairing:govern"})
    void theApiDocumentNamesEachOperationsPurpose(String method, String path, String purpose) {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(List.of(purpose), ApiDocument.purposes(document, method, path));
    }
}
