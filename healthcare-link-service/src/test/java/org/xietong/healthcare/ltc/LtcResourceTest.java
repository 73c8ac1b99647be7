package org.xietong.healthcare.ltc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The Chongqing mother living in Changping: assessed in Shijingshan, recognised by Chongqing under the agreement,
 * 1,200 yuan a month; and a Chengdu case no agreement covers, decided by hand. Regions 500000, 510100 and 1101xx
 * districts other than those of InstitutionResourceTest belong to this class.
 */
@QuarkusTest
class LtcResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String CHONGQING = TestTokens.user("insurer-chongqing", "insurance-officer").region("500000").sign();
    private static final String CHENGDU = TestTokens.user("insurer-chengdu", "insurance-officer").region("510100").sign();
    private static final String CHANGPING = TestTokens.user("insurer-changping", "insurance-officer").region("110114").sign();
    private static final String SHIJINGSHAN = TestTokens.user("assessor-shijingshan", "ltc-assessor").region("110107")
            .institution("LTC1101070001").sign();
    private static final String TONGZHOU = TestTokens.user("assessor-tongzhou", "ltc-assessor").region("110112")
            .institution("LTC1101120001").sign();
    private static final String PARTNER = TestTokens.demoPartner("partner-500000").sign();
    private static boolean ready;

    @BeforeEach
    void world() {
        if (ready) {
            return;
        }
        institution("LTC1101070001", "石景山区长期护理失能评估中心", "110107", 39.906, 116.223);
        institution("LTC1101120001", "通州区长期护理失能评估中心", "110112", 39.909, 116.656);
        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON)
                .body(Map.of("homeRegion", "500000", "residenceRegion", "110000", "mutual", false,
                        "validFrom", "2024-01-01"))
                .post("/api/v1/healthcare/ltc/agreements").then().statusCode(201);
        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON)
                .body(Map.of("monthlyByGrade", Map.of("3", 1200, "4", 1500, "5", 1800)))
                .put("/api/v1/healthcare/ltc/benefits/500000").then().statusCode(200);
        ready = true;
    }

    private static void institution(String code, String name, String region, double lat, double lon) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("code", code, "name", name,
                        "regionCode", region, "capabilities", List.of("LTC_ASSESSOR"), "latitude", lat, "longitude", lon))
                .post("/api/v1/healthcare/institutions").then().statusCode(201);
    }

    private static String request(String insurer, String home, String residence, double lat, double lon) {
        return given().auth().oauth2(insurer).contentType(ContentType.JSON)
                .body(Map.of("personRef", "P-" + UUID.randomUUID().toString().substring(0, 8), "homeRegion", home,
                        "residenceRegion", residence, "residenceLatitude", lat, "residenceLongitude", lon))
                .post("/api/v1/healthcare/ltc/requests").then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    @Test
    void aChongqingInsuredLivingInChangpingIsAssessedInShijingshanAndRecognisedAutomatically() {
        String id = request(CHONGQING, "500112", "110114", 40.10, 116.21);
        given().auth().oauth2(CHANGPING).get("/api/v1/healthcare/ltc/requests/" + id).then().statusCode(200)
                .body("assessorInstitution", equalTo("LTC1101070001")).body("status", equalTo("REQUESTED"));
        given().auth().oauth2(TONGZHOU).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 40, "cognition", 70, "perception", 80, "grade", 3))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 40, "cognition", 70, "perception", 80, "grade", 6))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 40, "cognition", 70, "perception", 80, "grade", 3))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("recognition", equalTo("AUTOMATIC"))
                .body("monthlyBenefit", equalTo(1200.00f));
        given().auth().oauth2(CHONGQING).get("/api/v1/healthcare/ltc/requests/" + id).then().statusCode(200)
                .body("grade", equalTo(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(PARTNER).queryParam("limit", 500).queryParam("subject", id)
                                .get("/api/v1/healthcare/exchange/events")
                        .then().statusCode(200)
                        .body("events.findAll { it.subject == '" + id + "' }.type", hasItems(
                                "org.xietong.healthcare.ltc.requested.v1", "org.xietong.healthcare.ltc.assessed.v1",
                                "org.xietong.healthcare.ltc.recognised.v1")));
    }

    /** A recognised request of a Chongqing insured living in Changping, assessed at grade 3 (1,200 yuan a month). */
    private static String recognisedAtGradeThree() {
        String id = request(CHONGQING, "500112", "110114", 40.10, 116.21);
        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 40, "cognition", 70, "perception", 80, "grade", 3))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("RECOGNISED"));
        return id;
    }

    private static Map<String, Object> corrected(int grade) {
        return Map.of("result", Map.of("dailyLiving", 25, "cognition", 60, "perception", 70, "grade", grade),
                "reason", "日常生活活动能力得分录入错误，应为25分");
    }

    @Test
    void aCorrectedResultIsRecognisedAnewAndTheEarlierOneStaysInTheHistory() {
        String id = recognisedAtGradeThree();

        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON).body(corrected(4))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/correction").then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("grade", equalTo(4)).body("monthlyBenefit", equalTo(1500.00f));

        given().auth().oauth2(CHONGQING).get("/api/v1/healthcare/ltc/requests/" + id + "/assessments").then()
                .statusCode(200).body("kind", equalTo(List.of("ASSESSMENT", "CORRECTION")))
                .body("grade", equalTo(List.of(3, 4))).body("[1].reason", equalTo("日常生活活动能力得分录入错误，应为25分"));
    }

    @Test
    void onlyTheAssignedAssessorCorrectsAResult() {
        String id = recognisedAtGradeThree();

        given().auth().oauth2(TONGZHOU).contentType(ContentType.JSON).body(corrected(4))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/correction").then().statusCode(404);
        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON).body(corrected(4))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/correction").then().statusCode(403);
    }

    @Test
    void aCorrectionIsPublishedToBothRegions() {
        String id = recognisedAtGradeThree();

        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON).body(corrected(4))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/correction").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(PARTNER).queryParam("limit", 500).queryParam("subject", id)
                                .get("/api/v1/healthcare/exchange/events")
                        .then().statusCode(200)
                        .body("events.findAll { it.subject == '" + id + "' }.type",
                                hasItems("org.xietong.healthcare.ltc.corrected.v1")));
    }

    @Test
    void aReassessmentKeepsTheRecognisedBenefitUntilTheNewResultIsRecognised() {
        String id = recognisedAtGradeThree();

        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON).body(Map.of("reason", "本人申请复评：病情加重"))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/reassessment").then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("grade", equalTo(3)).body("monthlyBenefit", equalTo(1200.00f));
        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 15, "cognition", 40, "perception", 60, "grade", 5))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("grade", equalTo(5)).body("monthlyBenefit", equalTo(1800.00f));

        given().auth().oauth2(CHONGQING).get("/api/v1/healthcare/ltc/requests/" + id + "/assessments").then()
                .statusCode(200).body("kind", equalTo(List.of("ASSESSMENT", "REASSESSMENT")));
        given().auth().oauth2(CHONGQING).queryParam("entity", "ltc-request").queryParam("id", id)
                .get("/api/v1/healthcare/audit").then().statusCode(200)
                .body("items.action", hasItems("ltc-request.reassessment-requested"));
    }

    @Test
    void aRequestStillWaitingForItsAssessmentCannotBeReassessed() {
        String id = request(CHONGQING, "500112", "110114", 40.10, 116.21);

        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON).body(Map.of("reason", "复评"))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/reassessment").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aBenefitChangeFromADateLeavesTodaysRecognitionsUnderTheTableInForce() {
        String wanzhou = TestTokens.user("insurer-wanzhou", "insurance-officer").region("500101").sign();
        String nextYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1).withDayOfYear(1).toString();
        given().auth().oauth2(wanzhou).contentType(ContentType.JSON).body(Map.of("monthlyByGrade", Map.of("3", 1300)))
                .put("/api/v1/healthcare/ltc/benefits/500101").then().statusCode(200);
        given().auth().oauth2(wanzhou).contentType(ContentType.JSON).queryParam("validFrom", nextYear)
                .body(Map.of("monthlyByGrade", Map.of("3", 1450))).put("/api/v1/healthcare/ltc/benefits/500101")
                .then().statusCode(200).body("'3'", equalTo(1450.00f));

        given().auth().oauth2(wanzhou).get("/api/v1/healthcare/ltc/benefits/500101").then().statusCode(200)
                .body("'3'", equalTo(1300.00f));
        given().auth().oauth2(wanzhou).queryParam("on", nextYear).get("/api/v1/healthcare/ltc/benefits/500101")
                .then().statusCode(200).body("'3'", equalTo(1450.00f));
        String id = request(wanzhou, "500101", "110114", 40.10, 116.21);
        given().auth().oauth2(SHIJINGSHAN).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 40, "cognition", 70, "perception", 80, "grade", 3))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("monthlyBenefit", equalTo(1300.00f));
    }

    @Test
    void aBenefitVersionBeginningBeforeARecognitionIsRefused() {
        String id = recognisedAtGradeThree();
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();

        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON).queryParam("validFrom", yesterday)
                .body(Map.of("monthlyByGrade", Map.of("3", 900))).put("/api/v1/healthcare/ltc/benefits/500000")
                .then().statusCode(422).body("type", containsString("retroactive-rule"));
        given().auth().oauth2(CHONGQING).get("/api/v1/healthcare/ltc/requests/" + id).then().statusCode(200)
                .body("monthlyBenefit", equalTo(1200.00f));
    }

    @Test
    void withoutAnAgreementTheHomeInsurerDecidesByHand() {
        String id = request(CHENGDU, "510104", "110112", 39.91, 116.65);
        given().auth().oauth2(TONGZHOU).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 55, "cognition", 60, "perception", 75, "grade", 2))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("ASSESSED"));
        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON).body(Map.of("recognise", true))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/decision").then().statusCode(404);
        given().auth().oauth2(CHENGDU).contentType(ContentType.JSON)
                .body(Map.of("recognise", true, "reason", "评估机构具备资质，按本市标准认定"))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("recognition", equalTo("MANUAL"))
                .body("monthlyBenefit", equalTo(0.00f));
        given().auth().oauth2(CHENGDU).contentType(ContentType.JSON).body(Map.of("recognise", false))
                .post("/api/v1/healthcare/ltc/requests/" + id + "/decision").then().statusCode(409);
    }

    @Test
    void anOverdueRequestIsListedForBothSides() {
        String id = request(CHONGQING, "500103", "110107", 39.91, 116.22);
        QuarkusTransaction.requiringNew().run(() -> LtcRequest.update("dueAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofDays(1)), UUID.fromString(id)));
        given().auth().oauth2(CHONGQING).get("/api/v1/healthcare/ltc/requests/overdue").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.overdue", equalTo(true));
        given().auth().oauth2(SHIJINGSHAN).get("/api/v1/healthcare/ltc/requests/overdue").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(CHENGDU).get("/api/v1/healthcare/ltc/requests/overdue").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("a home region of four digits", "POST", "/requests",
                        Map.of("personRef", "P-1", "homeRegion", "5000", "residenceRegion", "110114"), 400),
                Arguments.of("a home region outside the insurer's", "POST", "/requests",
                        Map.of("personRef", "P-1", "homeRegion", "510104", "residenceRegion", "110114"), 403),
                Arguments.of("a residence with no accredited assessor", "POST", "/requests",
                        Map.of("personRef", "P-1", "homeRegion", "500112", "residenceRegion", "460105"), 422),
                Arguments.of("an agreement of a region with itself, without its mutual flag", "POST", "/agreements",
                        Map.of("homeRegion", "500000", "residenceRegion", "500000", "validFrom", "2024-01-01"), 400),
                Arguments.of("an agreement for another insurer's region", "POST", "/agreements",
                        Map.of("homeRegion", "500000", "residenceRegion", "110000", "mutual", true,
                                "validFrom", "2024-01-01"), 403),
                Arguments.of("a benefit for grade 7", "PUT", "/benefits/500000",
                        Map.of("monthlyByGrade", Map.of("7", 100)), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsAreProblems(String refused, String method, String path, Map<String, Object> body, int status) {
        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON).body(body)
                .request(method, "/api/v1/healthcare/ltc" + path).then().statusCode(status)
                .contentType("application/problem+json");
    }
}
