package org.xietong.pairing.agreement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PairingResourceTest {

    private static final String PAIRINGS = "/api/v1/pairing/pairings";
    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String CHAOYANG = TestTokens.user("edu-chaoyang", "education-officer").region("110105").sign();
    private static final String MIYUN = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
    private static final String SHUNYI = TestTokens.user("edu-shunyi", "education-officer").region("110113").sign();
    private static final String HINGGAN = TestTokens.user("edu-xinganmeng", "education-officer").region("152200").sign();

    @Inject
    EntityManager em;

    @BeforeEach
    void schools() {
        school("1111015501", "北京市日坛中学", "110105", "URBAN", "JUNIOR");
        school("1111015502", "朝阳外国语学校", "110105", "URBAN", "JUNIOR");
        school("1111015503", "陈经纶中学", "110105", "URBAN", "JUNIOR");
        school("1111015504", "北京中学", "110105", "URBAN", "JUNIOR");
        school("1111085001", "密云区穆家峪中学", "110118", "TOWNSHIP", "JUNIOR");
        school("1111085002", "密云区水库中学", "110118", "RURAL", "JUNIOR");
        school("1111085003", "密云区太师屯中学", "110118", "TOWNSHIP", "JUNIOR");
        school("1111085004", "密云区古北口中学", "110118", "TOWNSHIP", "JUNIOR");
        school("2152225003", "巴彦呼舒第三中学", "152222", "RURAL", "JUNIOR");
        school("1111015505", "北京市第八十中学", "110105", "URBAN", "JUNIOR");
        school("1111085005", "密云区不老屯中学", "110118", "TOWNSHIP", "JUNIOR");
    }

    @Test
    void aPairingIsActiveOnlyOnceBothSidesApprovedTheirOwnPart() {
        String id = propose(CHAOYANG, "HAND_IN_HAND", "1111015501", "1111085001").then().statusCode(201)
                .body("status", equalTo("PROPOSED")).extract().path("id");

        approve(MIYUN, id, "SUPPORTING").then().statusCode(403).contentType("application/problem+json");
        approve(MIYUN, id, "SUPPORTED").then().statusCode(200).body("status", equalTo("PROPOSED"))
                .body("supportedApproval.by", equalTo("edu-miyun")).body("supportingApproval", nullValue());
        approve(MIYUN, id, "SUPPORTED").then().statusCode(409);
        String beijing = TestTokens.user("edu-miyun", "education-officer").region("110000").sign();
        approve(beijing, id, "SUPPORTING").then().statusCode(409).body("type", containsString("same-approver"));
        approve(CHAOYANG, id, "SUPPORTING").then().statusCode(200).body("status", equalTo("ACTIVE"));

        assertEquals(List.of("org.xietong.pairing.pairing.proposed.v1", "org.xietong.pairing.pairing.approved.v1",
                "org.xietong.pairing.pairing.approved.v1", "org.xietong.pairing.pairing.activated.v1"), eventTypes(id));
    }

    @Test
    void bothSidesSeeACrossRegionPairingAndNobodyElse() {
        String id = propose(CHAOYANG, "CROSS_REGION", "1111015502", "2152225003").then().statusCode(201).extract().path("id");
        given().auth().oauth2(HINGGAN).get(PAIRINGS).then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(CHAOYANG).get(PAIRINGS).then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(HINGGAN).get(PAIRINGS + "/" + id).then().statusCode(200);
        given().auth().oauth2(SHUNYI).get(PAIRINGS).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(SHUNYI).get(PAIRINGS + "/" + id).then().statusCode(404);
        given().auth().oauth2(SHUNYI).post(PAIRINGS + "/" + id + "/conclude").then().statusCode(404);
        approve(HINGGAN, id, "SUPPORTED").then().statusCode(200);
        String mujiayuAdmin = TestTokens.user("school-mujiayu", "school-admin").region("110118").school("1111085001").sign();
        given().auth().oauth2(mujiayuAdmin).get(PAIRINGS).then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    static Stream<Arguments> refusedProposals() {
        Map<String, Object> backwards = body("HAND_IN_HAND", "1111015503", "1111085003");
        backwards.put("termStart", "2026-09-01");
        backwards.put("termEnd", "2026-06-30");
        return Stream.of(
                Arguments.of("a party paired with itself", CHAOYANG, body("HAND_IN_HAND", "1111015503", "1111015503"),
                        422, "detail", "itself"),
                Arguments.of("hand in hand across provinces", CHAOYANG, body("HAND_IN_HAND", "1111015503", "2152225003"),
                        422, "detail", "CROSS_REGION"),
                Arguments.of("a nine-digit party", CHAOYANG, body("HAND_IN_HAND", "1111015503", "111108500"),
                        400, null, null),
                Arguments.of("an unknown school", CHAOYANG, body("HAND_IN_HAND", "1111015503", "1111089999"),
                        422, "type", "unknown-school"),
                Arguments.of("a term that ends before it starts", CHAOYANG, backwards, 422, "detail", "term"),
                Arguments.of("neither party in the caller's region", SHUNYI, body("HAND_IN_HAND", "1111015503", "1111085003"),
                        403, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedProposals")
    void aProposalThatBreaksARuleIsAProblem(String rule, String token, Map<String, Object> body, int status,
                                            String field, String fragment) {
        ValidatableResponse answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PAIRINGS)
                .then().statusCode(status).contentType("application/problem+json");
        if (field != null) {
            answer.body(field, containsString(fragment));
        }
    }

    @Test
    void twoPartiesHaveOneOpenPairingInEitherDirection() {
        propose(CHAOYANG, "HAND_IN_HAND", "1111015503", "1111085003").then().statusCode(201);
        propose(MIYUN, "CROSS_REGION", "1111085003", "1111015503").then().statusCode(422);
        propose(CHAOYANG, "HAND_IN_HAND", "1111015503", "1111085003").then().statusCode(409)
                .body("type", containsString("pairing-exists"));
    }

    @Test
    void openIsNotAStatusToFilterBy() {
        given().auth().oauth2(CHAOYANG).get(PAIRINGS + "?status=OPEN").then().statusCode(400);
    }

    @Test
    void aSupportingSchoolCarriesAtMostThreePairings() {
        for (String supported : List.of("1111085001", "1111085002", "1111085003")) {
            String id = propose(ADMIN, "HAND_IN_HAND", "1111015504", supported).then().statusCode(201).extract().path("id");
            approve(ADMIN, id, "SUPPORTING").then().statusCode(200);
            approve(ADMIN, id, "SUPPORTED").then().statusCode(200).body("status", equalTo("ACTIVE"));
        }
        propose(CHAOYANG, "HAND_IN_HAND", "1111015504", "1111085004").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("supporting-school-at-capacity"))
                .body("detail", containsString("3"));
    }

    @Test
    void suspendResumeRenewConclude() {
        String id = propose(ADMIN, "REGION", "110105", "152222").then().statusCode(201).extract().path("id");
        approve(CHAOYANG, id, "SUPPORTING").then().statusCode(200);
        approve(HINGGAN, id, "SUPPORTED").then().statusCode(200).body("status", equalTo("ACTIVE"));
        String end = given().auth().oauth2(CHAOYANG).get(PAIRINGS + "/" + id).then().extract().path("termEnd");

        act(CHAOYANG, id, "resume").then().statusCode(409).body("type", containsString("invalid-transition"));
        act(CHAOYANG, id, "suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        act(HINGGAN, id, "resume").then().statusCode(202).body("status", equalTo("SUSPENDED"));
        act(CHAOYANG, id, "resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        act(CHAOYANG, id, "renew").then().statusCode(202).body("renewals", equalTo(0));
        act(HINGGAN, id, "renew").then().statusCode(200).body("termStart", equalTo(end)).body("renewals", equalTo(1));
        act(HINGGAN, id, "conclude").then().statusCode(200).body("status", equalTo("CONCLUDED"));
        act(HINGGAN, id, "suspend").then().statusCode(409);
        propose(CHAOYANG, "REGION", "110105", "152222").then().statusCode(201);
        assertEquals(List.of("proposed", "approved", "approved", "activated", "suspended", "resumed", "renewed", "concluded"),
                eventTypes(id).stream().map(t -> t.replace("org.xietong.pairing.pairing.", "").replace(".v1", "")).toList());
    }

    @Test
    void oneSideAloneDoesNotRenew() {
        String id = activeRegionPairing("110106", "152223");
        String end = given().auth().oauth2(officer("110106")).get(PAIRINGS + "/" + id).then().extract().path("termEnd");
        String proposed = LocalDate.parse(end).plusYears(2).toString();

        renew(officer("110106"), id, proposed).then().statusCode(202).body("termEnd", equalTo(end))
                .body("renewals", equalTo(0)).body("pendingAgreement.action", equalTo("RENEW"))
                .body("pendingAgreement.requestedBySide", equalTo("SUPPORTING"))
                .body("pendingAgreement.termEnd", equalTo(proposed));
        renew(officer("110106"), id, proposed).then().statusCode(202).body("termEnd", equalTo(end));
        given().auth().oauth2(officer("110106")).get(PAIRINGS + "/" + id).then().body("termEnd", equalTo(end))
                .body("renewals", equalTo(0));
        assertEquals(List.of(), eventTypes(id).stream().filter(t -> t.contains("renewed")).toList());
    }

    @Test
    void bothSidesRenewOnceTheyAgreeOnTheTermEnd() {
        String id = activeRegionPairing("110107", "152224");
        String end = given().auth().oauth2(officer("110107")).get(PAIRINGS + "/" + id).then().extract().path("termEnd");
        String asked = LocalDate.parse(end).plusYears(3).toString();
        String countered = LocalDate.parse(end).plusYears(2).toString();

        renew(officer("110107"), id, asked).then().statusCode(202);
        renew(officer("152224"), id, countered).then().statusCode(202).body("termEnd", equalTo(end))
                .body("pendingAgreement.requestedBySide", equalTo("SUPPORTED"))
                .body("pendingAgreement.termEnd", equalTo(countered));
        renew(officer("110107"), id, countered).then().statusCode(200).body("termStart", equalTo(end))
                .body("termEnd", equalTo(countered)).body("renewals", equalTo(1)).body("pendingAgreement", nullValue());
        assertEquals(1, eventTypes(id).stream().filter(t -> t.contains("renewed")).count());
    }

    @Test
    void theOtherSideAgreesToThePendingRenewalWithoutRepeatingTheTermEnd() {
        String id = activeRegionPairing("110108", "152225");
        String end = given().auth().oauth2(officer("110108")).get(PAIRINGS + "/" + id).then().extract().path("termEnd");
        String asked = LocalDate.parse(end).plusYears(1).toString();
        renew(officer("152225"), id, asked).then().statusCode(202);
        act(officer("110108"), id, "renew").then().statusCode(200).body("termEnd", equalTo(asked));
    }

    @Test
    void aRenewalBeyondFiveYearsIsRefused() {
        String id = activeRegionPairing("110109", "152226");
        String end = given().auth().oauth2(officer("110109")).get(PAIRINGS + "/" + id).then().extract().path("termEnd");
        renew(officer("110109"), id, "9999-12-31").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("5 years"));
        renew(officer("110109"), id, LocalDate.parse(end).plusYears(5).plusDays(1).toString()).then().statusCode(422);
        given().auth().oauth2(officer("110109")).get(PAIRINGS + "/" + id).then().body("pendingAgreement", nullValue());
    }

    @Test
    void oneSideAloneDoesNotResumeBothSidesDo() {
        String id = activeRegionPairing("110111", "152227");
        act(officer("152227"), id, "suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        act(officer("110111"), id, "resume").then().statusCode(202).body("status", equalTo("SUSPENDED"))
                .body("pendingAgreement.action", equalTo("RESUME"));
        act(officer("110111"), id, "resume").then().statusCode(202).body("status", equalTo("SUSPENDED"));
        act(officer("152227"), id, "resume").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("pendingAgreement", nullValue());
    }

    @Test
    void oneOfficerCannotAgreeForBothSides() {
        String id = activeRegionPairing("110112", "110113");
        String beijing = TestTokens.user("edu-beijing", "education-officer").region("110000").sign();
        act(beijing, id, "renew").then().statusCode(422).body("type", containsString("side-required"));
        given().auth().oauth2(beijing).contentType(ContentType.JSON).body(Map.of("side", "SUPPORTING"))
                .post(PAIRINGS + "/" + id + "/renew").then().statusCode(202);
        given().auth().oauth2(beijing).contentType(ContentType.JSON).body(Map.of("side", "SUPPORTED"))
                .post(PAIRINGS + "/" + id + "/renew").then().statusCode(409).body("type", containsString("same-approver"));
        given().auth().oauth2(officer("110113")).contentType(ContentType.JSON).body(Map.of("side", "SUPPORTING"))
                .post(PAIRINGS + "/" + id + "/renew").then().statusCode(403);
        act(officer("110113"), id, "renew").then().statusCode(200).body("renewals", equalTo(1));
    }

    @ParameterizedTest
    @CsvSource({"110114, 152228, 110114", "110115, 152229, 152229"})
    void eitherSideAloneConcludes(String supporting, String supported, String concluding) {
        String id = activeRegionPairing(supporting, supported);
        act(officer(supporting), id, "renew").then().statusCode(202);
        act(officer(concluding), id, "conclude").then().statusCode(200).body("status", equalTo("CONCLUDED"))
                .body("pendingAgreement", nullValue());
    }

    /** Issue 20: a proposal could only be concluded, never turned down with a reason. */
    @Test
    void eitherSideRejectsAProposalWithAReasonThatTheAuditTrailKeeps() {
        String id = propose(CHAOYANG, "HAND_IN_HAND", "1111015505", "1111085005").then().statusCode(201).extract().path("id");

        reject(SHUNYI, id, "不是本区学校").then().statusCode(404);
        reject(MIYUN, id, " ").then().statusCode(400);
        reject(MIYUN, id, "本学年已与海淀区结对").then().statusCode(200).body("status", equalTo("REJECTED"));
        reject(CHAOYANG, id, "再次拒绝").then().statusCode(409);
        approve(CHAOYANG, id, "SUPPORTING").then().statusCode(409);

        assertEquals(List.of("org.xietong.pairing.pairing.proposed.v1", "org.xietong.pairing.pairing.rejected.v1"),
                eventTypes(id));
        given().auth().oauth2(MIYUN).queryParam("entity", "pairing").queryParam("id", id)
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items[0].action", equalTo("pairing.rejected"))
                .body("items[0].summary.reason", equalTo("本学年已与海淀区结对"));
        propose(CHAOYANG, "HAND_IN_HAND", "1111015505", "1111085005").then().statusCode(201);
    }

    @Test
    void suggestionsSkipPartnersAndSchoolsAtCapacity() {
        String first = propose(ADMIN, "HAND_IN_HAND", "1111015501", "1111085004").then().statusCode(201).extract().path("id");
        given().auth().oauth2(MIYUN).get("/api/v1/pairing/suggestions?school=1111085004&limit=10").then().statusCode(200)
                .body("code", not(hasItem("1111015501")))
                .body("code", hasItem("1111015502"))
                .body("[0].reasons", hasItem("same province"));
        given().auth().oauth2(MIYUN).get("/api/v1/pairing/suggestions?school=1111015501").then().statusCode(404);
        given().auth().oauth2(CHAOYANG).get("/api/v1/pairing/suggestions?school=1111015501").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(MIYUN).get("/api/v1/pairing/suggestions").then().statusCode(400);
        act(ADMIN, first, "conclude").then().statusCode(200);
    }

    private void school(String code, String name, String region, String location, String level) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(SchoolFixtures.school(code, name, region, location, level)).post("/api/v1/pairing/schools");
    }

    private static Map<String, Object> body(String kind, String supporting, String supported) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("supportingParty", supporting);
        body.put("supportedParty", supported);
        body.put("goals", "教师实训、联合研学");
        return body;
    }

    private static Response propose(String token, String kind, String supporting, String supported) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(kind, supporting, supported)).post(PAIRINGS);
    }

    private static Response approve(String token, String id, String side) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("side", side))
                .post(PAIRINGS + "/" + id + "/approvals");
    }

    private static String activeRegionPairing(String supporting, String supported) {
        String id = propose(ADMIN, "REGION", supporting, supported).then().statusCode(201).extract().path("id");
        approve(officer(supporting), id, "SUPPORTING").then().statusCode(200);
        approve(officer(supported), id, "SUPPORTED").then().statusCode(200).body("status", equalTo("ACTIVE"));
        return id;
    }

    private static String officer(String region) {
        return TestTokens.user("edu-" + region, "education-officer").region(region).sign();
    }

    private static Response renew(String token, String id, String termEnd) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("termEnd", termEnd))
                .post(PAIRINGS + "/" + id + "/renew");
    }

    private static Response reject(String token, String id, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(PAIRINGS + "/" + id + "/reject");
    }

    private static Response act(String token, String id, String action) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).post(PAIRINGS + "/" + id + "/" + action);
    }

    @SuppressWarnings("unchecked")
    private List<String> eventTypes(String pairing) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT type FROM outbox_event WHERE subject = ?1 ORDER BY seq").setParameter(1, pairing).getResultList());
    }
}
