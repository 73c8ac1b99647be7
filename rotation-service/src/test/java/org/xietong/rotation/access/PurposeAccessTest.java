package org.xietong.rotation.access;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.devstack.test.TestTokens;

import static io.restassured.RestAssured.given;

/**
 * rotation-service enforces each operation's purpose itself (issue 17, findings 1 and 2): the insurance partner and
 * a health officer read nothing of rotation, and the education partner reads posts and rules but no person's record.
 */
@QuarkusTest
class PurposeAccessTest {

    private static final String EDUCATION_PARTNER = TestTokens.demoPartner("partner-150000").sign();
    private static final String INSURANCE_PARTNER = TestTokens.demoPartner("partner-500000").sign();
    private static final String HEALTH_OFFICER = TestTokens.user("health-dezhou", "health-officer").region("371400").sign();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "insurance partner, /api/v1/rotation/posts",
            "insurance partner, /api/v1/rotation/schools",
            "insurance partner, /api/v1/rotation/exchange/events",
            "health officer, /api/v1/rotation/posts",
            "education partner, /api/v1/rotation/teachers",
            "education partner, /api/v1/rotation/assignments",
            "education partner, /api/v1/rotation/eligibility"})
    void aCallerWithoutTheOperationsPurposeIsRefusedByTheServiceItself(String caller, String path) {
        String token = switch (caller) {
            case "insurance partner" -> INSURANCE_PARTNER;
            case "health officer" -> HEALTH_OFFICER;
            default -> EDUCATION_PARTNER;
        };
        given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/rotation/posts", "/api/v1/rotation/schools", "/api/v1/rotation/exchange/events"})
    void theEducationPartnerReadsItsRegionsPostsSchoolsAndFeed(String path) {
        given().auth().oauth2(EDUCATION_PARTNER).get(path).then().statusCode(200);
    }
}
