package org.xietong.rotation.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

@QuarkusTest
class PolicyResourceTest {

    // Handan (130400): only this class uses it.
    private static final String SCHOOL = "1313040201";
    private static final String CITY_OFFICER = TestTokens.user("edu-hd", "education-officer").region("130400").sign();
    private static final String DISTRICT_OFFICER = TestTokens.user("edu-hs", "education-officer").region("130402").sign();
    private static final String OTHER = TestTokens.user("edu-ts", "education-officer").region("130200").sign();
    private static boolean schoolKnown;

    @BeforeEach
    void school() {
        if (!schoolKnown) {
            try (PairingEvents events = new PairingEvents()) {
                events.school(SCHOOL, "邯郸市第二十五中学", "130402", "JUNIOR", 36.61, 114.49);
            }
            PairingEvents.awaitSchools(SCHOOL);
            schoolKnown = true;
        }
    }

    private static Map<String, Object> policy(int minYears) {
        return Map.ofEntries(Map.entry("minYearsAtSchool", minYears), Map.entry("cycleYears", 3),
                Map.entry("firstCycleStart", 2021), Map.entry("retirementExemptYears", 5),
                Map.entry("retirementAgeMale", 60), Map.entry("retirementAgeFemale", 55),
                Map.entry("outflowCapPercent", 20), Map.entry("crossDistrictLinkedOnly", true),
                Map.entry("targetYearlyPercent", 10), Map.entry("targetBackbonePercent", 20),
                Map.entry("weights", Map.of("perPreferredTag", 10, "perBackboneLevelAbove", 5, "perTitleLevelAbove", 3,
                        "linkedSchools", 20, "preferenceTop", 30, "preferenceStep", 3, "distancePenaltyPerKm", 1)));
    }

    @Test
    void aCityPolicyIsInheritedByItsDistrictsAndOnlyItsOfficersChangeIt() {
        given().auth().oauth2(CITY_OFFICER).get("/api/v1/rotation/policies/130402").then().statusCode(200)
                .body("definedBy", equalTo("defaults")).body("policy.minYearsAtSchool", equalTo(6));
        given().auth().oauth2(OTHER).contentType(ContentType.JSON).body(policy(5)).put("/api/v1/rotation/policies/130400")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DISTRICT_OFFICER).contentType(ContentType.JSON).body(policy(5))
                .put("/api/v1/rotation/policies/130400").then().statusCode(403);
        given().auth().oauth2(CITY_OFFICER).contentType(ContentType.JSON).body(policy(5))
                .put("/api/v1/rotation/policies/130400").then().statusCode(200);
        given().auth().oauth2(DISTRICT_OFFICER).get("/api/v1/rotation/policies/130402").then().statusCode(200)
                .body("definedBy", equalTo("130400")).body("policy.minYearsAtSchool", equalTo(5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fewer than one year at a school, 0, 130400", "a region code that is not one, 5, 13040X"})
    void aBadPolicyIsRefusedWithProblemDetails(String problem, int minYears, String region) {
        given().auth().oauth2(CITY_OFFICER).contentType(ContentType.JSON).body(policy(minYears))
                .put("/api/v1/rotation/policies/" + region).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void eligibilityNamesTheRuleThatDecided() {
        String cycleStart = "2024-09-01";
        Map<String, Object> veteran = teacher("HD-001", "刘老师", SCHOOL);
        veteran.put("joinedSchoolOn", "2010-09-01");
        Map<String, Object> newcomer = teacher("HD-002", "何老师", SCHOOL);
        newcomer.put("joinedSchoolOn", "2021-09-01");
        Map<String, Object> nearRetirement = teacher("HD-003", "高老师", SCHOOL);
        nearRetirement.put("gender", "MALE");
        nearRetirement.put("birthDate", LocalDate.parse(cycleStart).minusYears(57).toString());
        nearRetirement.put("joinedSchoolOn", "2000-09-01");
        Map<String, Object> onLeave = teacher("HD-004", "林老师", SCHOOL);
        onLeave.put("joinedSchoolOn", "2005-09-01");
        onLeave.put("status", "LEAVE");
        for (Map<String, Object> t : java.util.List.of(veteran, newcomer, nearRetirement, onLeave)) {
            register(DISTRICT_OFFICER, t);
        }
        var body = given().auth().oauth2(DISTRICT_OFFICER).queryParam("region", "130402").queryParam("cycle", 2024)
                .queryParam("size", 500).get("/api/v1/rotation/eligibility").then().statusCode(200).extract().jsonPath();
        assertDecision(body, "HD-001", "ELIGIBLE", "YEARS_AT_SCHOOL");
        assertDecision(body, "HD-002", "NOT_YET", "YEARS_AT_SCHOOL");
        assertDecision(body, "HD-003", "EXEMPT", "NEAR_RETIREMENT");
        assertDecision(body, "HD-004", "EXEMPT", "ON_LEAVE");
    }

    @Test
    void eligibilityInAYearThatStartsNoCycleIsRefused() {
        given().auth().oauth2(DISTRICT_OFFICER).queryParam("region", "130402").queryParam("cycle", 2025)
                .get("/api/v1/rotation/eligibility").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void eligibilityOfARegionOutsideTheCallersScopeIsNotFound() {
        given().auth().oauth2(OTHER).queryParam("region", "130402").queryParam("cycle", 2024)
                .get("/api/v1/rotation/eligibility").then().statusCode(404);
    }

    /**
     * Congtai (130403) relaxes six years to five from the 2024 cycle. A teacher with five years and a quarter at the
     * 2021 cycle's start stays NOT_YET for 2021, decided under the rule in force on its first day; the same teacher
     * under a version begun before that day would have been ELIGIBLE.
     */
    @Test
    void aCycleIsDecidedUnderThePolicyInForceOnItsFirstDay() {
        String officer = congtaiSchoolAndOfficer();
        Map<String, Object> teacher = teacher("CT-001", "赵老师", CONGTAI_SCHOOL);
        teacher.put("joinedSchoolOn", "2016-06-01");
        register(officer, teacher);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(policy(6))
                .put("/api/v1/rotation/policies/130403").then().statusCode(200).body("validFrom", equalTo("2000-01-01"));
        String firstTag = given().auth().oauth2(officer).get("/api/v1/rotation/policies/130403").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(officer).header("If-Match", firstTag).queryParam("validFrom", "2024-09-01")
                .contentType(ContentType.JSON).body(policy(5)).put("/api/v1/rotation/policies/130403")
                .then().statusCode(200).body("validFrom", equalTo("2024-09-01")).body("validTo", nullValue());

        assertEquals("NOT_YET", eligibility(officer, 2021, "CT-001"));
        assertEquals("ELIGIBLE", eligibility(officer, 2024, "CT-001"));
        given().auth().oauth2(officer).queryParam("on", "2021-09-01").get("/api/v1/rotation/policies/130403")
                .then().statusCode(200).body("policy.minYearsAtSchool", equalTo(6)).body("validTo", equalTo("2024-08-31"));
        given().auth().oauth2(officer).get("/api/v1/rotation/policies/130403/history").then().statusCode(200)
                .body("validFrom", contains("2000-01-01", "2024-09-01"))
                .body("policy.minYearsAtSchool", contains(6, 5));
    }

    @Test
    void theRosterExportsAsASpreadsheetWithEachTeachersRule() {
        String officer = congtaiSchoolAndOfficer();
        Map<String, Object> teacher = teacher("CT-EXP", "钱老师", CONGTAI_SCHOOL);
        teacher.put("joinedSchoolOn", "2023-09-01");
        long id = register(officer, teacher);

        byte[] csv = given().auth().oauth2(officer).accept("text/csv").queryParam("region", "130403")
                .queryParam("cycle", 2024).get("/api/v1/rotation/eligibility/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();

        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFteacherId,staffNumber,name,schoolCode,regionCode,cycle,status,rule,detail\r\n"), text);
        assertTrue(text.contains("\r\n" + id + ",CT-EXP,钱老师," + CONGTAI_SCHOOL + ",130403,2024,NOT_YET,YEARS_AT_SCHOOL,"), text);
    }

    /** 校长 of Congtai's school since 2019, two two-year terms served: he must rotate in 2024 with five years there. */
    @Test
    void aPrincipalsTwoConsecutiveTermsMakeHimEligible() {
        String officer = congtaiSchoolAndOfficer();
        Map<String, Object> principal = teacher("CT-PR1", "孙校长", CONGTAI_SCHOOL);
        principal.put("joinedSchoolOn", "2019-09-01");
        principal.put("position", "PRINCIPAL");
        principal.put("leadershipTerms", List.of(Map.of("start", "2019-09-01", "end", "2021-08-31"),
                Map.of("start", "2021-09-01", "end", "2023-08-31"), Map.of("start", "2023-09-01")));
        long id = register(officer, principal);
        Map<String, Object> noPosition = teacher("CT-PR2", "无职务的任期", CONGTAI_SCHOOL);
        noPosition.put("leadershipTerms", List.of(Map.of("start", "2019-09-01", "end", "2021-08-31")));

        given().auth().oauth2(officer).contentType(ContentType.JSON).body(noPosition).post("/api/v1/rotation/teachers")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(officer).get("/api/v1/rotation/teachers/" + id).then().statusCode(200)
                .body("position", equalTo("PRINCIPAL")).body("leadershipTerms.size()", equalTo(3));
        given().auth().oauth2(officer).queryParam("region", "130403").queryParam("cycle", 2024).queryParam("size", 500)
                .get("/api/v1/rotation/eligibility").then().statusCode(200)
                .body("items.find { it.staffNumber == 'CT-PR1' }.rule", equalTo("TWO_TERMS"))
                .body("items.find { it.staffNumber == 'CT-PR1' }.status", equalTo("ELIGIBLE"));
    }

    /** A committed run decided Qiuxian's (130430) 2024 cycle: its rules may change from the next cycle, not before. */
    @Test
    void aVersionCannotChangeTheRulesOfACycleARunHasDecided() {
        String officer = TestTokens.user("edu-qx", "education-officer").region("130430").sign();
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(policy(6))
                .put("/api/v1/rotation/policies/130430").then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "130430", "cycle", 2024, "dryRun", false))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201);
        String tag = given().auth().oauth2(officer).get("/api/v1/rotation/policies/130430").then().extract().header("ETag");

        given().auth().oauth2(officer).header("If-Match", tag).queryParam("validFrom", "2024-09-01")
                .contentType(ContentType.JSON).body(policy(5)).put("/api/v1/rotation/policies/130430")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/retroactive-rule"));
        given().auth().oauth2(officer).header("If-Match", tag).queryParam("validFrom", "2024-09-02")
                .contentType(ContentType.JSON).body(policy(5)).put("/api/v1/rotation/policies/130430")
                .then().statusCode(200).body("validFrom", equalTo("2024-09-02"));
        given().auth().oauth2(officer).queryParam("region", "130430").queryParam("cycle", 2024)
                .get("/api/v1/rotation/eligibility").then().statusCode(200);
        given().auth().oauth2(officer).queryParam("on", "2024-09-01").get("/api/v1/rotation/policies/130430")
                .then().statusCode(200).body("policy.minYearsAtSchool", equalTo(6));
    }

    /** A run decides the coming cycle (2027): a version beginning today would change its rules. */
    @Test
    void aVersionCannotChangeTheRulesOfAComingCycleARunHasDecided() {
        String officer = TestTokens.user("edu-gp", "education-officer").region("130432").sign();
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(policy(6))
                .put("/api/v1/rotation/policies/130432").then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "130432", "cycle", 2027, "dryRun", false))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201);
        String tag = given().auth().oauth2(officer).get("/api/v1/rotation/policies/130432").then().extract().header("ETag");

        given().auth().oauth2(officer).header("If-Match", tag).contentType(ContentType.JSON).body(policy(5))
                .put("/api/v1/rotation/policies/130432").then().statusCode(422)
                .body("type", endsWith("/retroactive-rule"));
        given().auth().oauth2(officer).header("If-Match", tag).queryParam("validFrom", "2027-09-01")
                .contentType(ContentType.JSON).body(policy(5)).put("/api/v1/rotation/policies/130432")
                .then().statusCode(422);
    }

    /** A district deciding a cycle under the defaults cannot then give itself a first policy "since ever". */
    @Test
    void aFirstPolicyCannotRewriteACycleDecidedUnderTheInheritedRules() {
        String officer = TestTokens.user("edu-gt", "education-officer").region("130433").sign();
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "130433", "cycle", 2024, "dryRun", false))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201);

        given().auth().oauth2(officer).contentType(ContentType.JSON).body(policy(5))
                .put("/api/v1/rotation/policies/130433").then().statusCode(422)
                .body("type", endsWith("/retroactive-rule"));
        given().auth().oauth2(officer).queryParam("validFrom", "2024-09-02").contentType(ContentType.JSON)
                .body(policy(5)).put("/api/v1/rotation/policies/130433").then().statusCode(200);
        given().auth().oauth2(officer).queryParam("on", "2024-09-01").get("/api/v1/rotation/policies/130433")
                .then().statusCode(200).body("definedBy", org.hamcrest.Matchers.not(equalTo("130433")));
    }

    /** A version dated ahead: GET answers today's, history the latest's tag, the one a change needs. */
    @Test
    void theHistorysETagIsTheOneAChangeSendsBack() {
        String officer = TestTokens.user("edu-wx", "education-officer").region("130434").sign();
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(policy(6))
                .put("/api/v1/rotation/policies/130434").then().statusCode(200);
        String first = given().auth().oauth2(officer).get("/api/v1/rotation/policies/130434").then().extract().header("ETag");
        given().auth().oauth2(officer).header("If-Match", first).queryParam("validFrom", "2099-09-01")
                .contentType(ContentType.JSON).body(policy(5)).put("/api/v1/rotation/policies/130434").then().statusCode(200);
        String today = given().auth().oauth2(officer).get("/api/v1/rotation/policies/130434").then().extract().header("ETag");
        String latest = given().auth().oauth2(officer).get("/api/v1/rotation/policies/130434/history").then()
                .statusCode(200).extract().header("ETag");

        given().auth().oauth2(officer).header("If-Match", today).queryParam("validFrom", "2099-09-01")
                .contentType(ContentType.JSON).body(policy(4)).put("/api/v1/rotation/policies/130434").then().statusCode(412);
        given().auth().oauth2(officer).header("If-Match", latest).queryParam("validFrom", "2099-09-01")
                .contentType(ContentType.JSON).body(policy(4)).put("/api/v1/rotation/policies/130434").then().statusCode(200);
    }

    private static final String CONGTAI_SCHOOL = "1313040301";

    private static String congtaiSchoolAndOfficer() {
        try (PairingEvents events = new PairingEvents()) {
            events.school(CONGTAI_SCHOOL, "邯郸市丛台区实验小学", "130403", "JUNIOR", 36.62, 114.50);
        }
        PairingEvents.awaitSchools(CONGTAI_SCHOOL);
        return TestTokens.user("edu-ct", "education-officer").region("130403").sign();
    }

    private static String eligibility(String token, int cycle, String staffNumber) {
        return given().auth().oauth2(token).queryParam("region", "130403").queryParam("cycle", cycle)
                .queryParam("size", 500).get("/api/v1/rotation/eligibility").then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.staffNumber == '" + staffNumber + "' }.status");
    }

    /** The region code in the path was not checked: "abc" answered the defaults as if it were a region. */
    @ParameterizedTest
    @CsvSource({"abc", "1304", "013040", "1304020"})
    void aPolicyOfSomethingThatIsNotARegionCodeIsABadRequest(String region) {
        given().auth().oauth2(CITY_OFFICER).get("/api/v1/rotation/policies/" + region).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void assertDecision(io.restassured.path.json.JsonPath body, String staff, String status, String rule) {
        org.junit.jupiter.api.Assertions.assertEquals(status,
                body.getString("items.find { it.staffNumber == '" + staff + "' }.status"), staff);
        org.junit.jupiter.api.Assertions.assertEquals(rule,
                body.getString("items.find { it.staffNumber == '" + staff + "' }.rule"), staff);
    }
}
