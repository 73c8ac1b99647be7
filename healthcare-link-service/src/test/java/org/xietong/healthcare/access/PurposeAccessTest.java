package org.xietong.healthcare.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.devstack.test.ApiDocument;
import org.xietong.devstack.test.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * healthcare-link-service enforces each operation's purpose itself, as if no gateway stood before it (issue 17,
 * findings 1 and 2): an education partner gets nothing of healthcare, an education officer or a teacher reaching
 * the service straight reads no resident's disability grade, and the health partner reads the register only.
 */
@QuarkusTest
class PurposeAccessTest {

    /** Inner Mongolia's education partner, granted as in the demo realm. */
    private static final String EDUCATION_PARTNER = TestTokens.demoPartner("partner-150000").sign();
    /** Chongqing's health-commission partner as the demo realm grants it. */
    private static final String HEALTH_PARTNER = TestTokens.demoPartner("partner-500000-health").sign();
    private static final String EDUCATION_OFFICER = TestTokens.user("edu-beijing", "education-officer").region("110000").sign();
    private static final String TEACHER = TestTokens.user("teacher-demo", "teacher").region("110118").sign();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "education partner | POST | /api/v1/healthcare/ltc/requests | {\"personRef\":\"X\",\"homeRegion\":\"150700\",\"residenceRegion\":\"500112\"}",
            "education partner | GET  | /api/v1/healthcare/exchange/events | ",
            "education partner | GET  | /api/v1/healthcare/institutions | ",
            "education partner | POST | /api/v1/healthcare/settlements/quote | {}",
            "education officer | GET  | /api/v1/healthcare/ltc/requests | ",
            "education officer | GET  | /api/v1/healthcare/ltc/requests/overdue | ",
            "teacher           | GET  | /api/v1/healthcare/consortia | ",
            "health partner    | POST | /api/v1/healthcare/ltc/requests | {\"personRef\":\"X\",\"homeRegion\":\"500112\",\"residenceRegion\":\"500112\"}",
            "health partner    | GET  | /api/v1/healthcare/ltc/requests | ",
            "health partner    | POST | /api/v1/healthcare/settlements/quote | {}"})
    void aCallerWithoutTheOperationsPurposeIsRefusedByTheServiceItself(String caller, String method, String path,
                                                                      String body) {
        String token = switch (caller) {
            case "education partner" -> EDUCATION_PARTNER;
            case "education officer" -> EDUCATION_OFFICER;
            case "teacher" -> TEACHER;
            default -> HEALTH_PARTNER;
        };
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body == null ? "{}" : body)
                .request(method, path).then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/healthcare/institutions", "/api/v1/healthcare/consortia",
            "/api/v1/healthcare/exchange/events"})
    void theHealthPartnerReadsTheRegisterAndItsFeed(String path) {
        given().auth().oauth2(HEALTH_PARTNER).get(path).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "get, /api/v1/healthcare/exchange/events, healthcare:exchange",
            "get, /api/v1/healthcare/audit, healthcare:audit",
            "get, /api/v1/healthcare/ltc/requests, healthcare:ltc-read",
            "post, /api/v1/healthcare/ltc/requests, healthcare:ltc",
            "post, /api/v1/healthcare/settlements/batch, healthcare:settle",
            "get, /api/v1/healthcare/institutions, healthcare:read"})
    void theApiDocumentNamesEachOperationsPurpose(String method, String path, String purpose) {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(List.of(purpose), ApiDocument.purposes(document, method, path));
    }
}
