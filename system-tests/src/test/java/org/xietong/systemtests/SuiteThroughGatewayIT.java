package org.xietong.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DemoAccounts;
import org.xietong.devstack.DemoData;
import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.TokenClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite as a user meets it: the devstack with real PostgreSQL, Kafka and Keycloak, tokens from Keycloak, every
 * call through the gateway. The stack is the one all system tests share ({@link SharedStack}).
 */
@ExtendWith(SharedStack.class)
// Classes are ordered (junit-platform.properties): this one loads the demo data, which the authorisation matrix
// after it builds on; StackShutdownIT stops the stack last.
@Order(40)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteThroughGatewayIT {

    private static final List<String> PREFIXES = List.of(
            "/api/v1/pairing/schools", "/api/v1/rotation/schools", "/api/v1/healthcare/institutions");
    private static DevStack stack;
    private static StackConfig config;
    private static TokenClient tokens;
    private static String gateway;

    @BeforeAll
    static void useTheSharedSuite(SharedStack.Suite suite) {
        stack = suite.stack();
        config = suite.config();
        tokens = suite.tokens();
        gateway = suite.gateway();
    }

    @Test
    @Order(1)
    void everyServiceAnswersThroughTheGatewayWithAKeycloakToken() throws Exception {
        String admin = tokens.passwordGrant("admin", "admin");
        for (String path : PREFIXES) {
            given().auth().oauth2(admin).get(gateway + path)
                    .then().statusCode(200).body("page", equalTo(0));
        }
        // Purposes, with a real token: an education officer reads schools, not hospitals.
        String officer = tokens.passwordGrant("edu-chaoyang", "edu-chaoyang");
        given().auth().oauth2(officer).get(gateway + PREFIXES.get(0)).then().statusCode(200);
        given().auth().oauth2(officer).get(gateway + "/api/v1/healthcare/institutions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("healthcare:read"));
    }

    @Test
    @Order(2)
    void withoutATokenTheGatewayAnswers401ProblemDetails() {
        for (String path : PREFIXES) {
            given().get(gateway + path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
    }

    @Test
    @Order(3)
    void aSchoolRegisteredThroughTheGatewayReachesRotationServicesDatabase() throws Exception {
        String token = tokens.passwordGrant("edu-miyun", "edu-miyun");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", "1111018001", "name", "密云区穆家峪中学", "regionCode", "110118",
                        "locationType", "TOWNSHIP", "level", "JUNIOR"))
                .post(gateway + "/api/v1/pairing/schools")
                .then().statusCode(201).body("name", equalTo("密云区穆家峪中学"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get(gateway + "/api/v1/rotation/schools")
                        .then().statusCode(200).body("items.code", hasItem("1111018001")));
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("rotation"), "rotation", "rotation-dev");
             PreparedStatement ps = c.prepareStatement("SELECT name, region_code FROM school_replica WHERE code = ?")) {
            ps.setString(1, "1111018001");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "replica row in rotation's own database");
                assertEquals("密云区穆家峪中学", rs.getString(1));
                assertEquals("110118", rs.getString(2));
            }
        }
    }

    @Test
    @Order(4)
    void realmRolesAndRegionClaimsAreEnforcedByTheServices() throws Exception {
        String chaoyang = tokens.passwordGrant("edu-chaoyang", "edu-chaoyang");
        given().auth().oauth2(chaoyang).get(gateway + "/api/v1/pairing/schools/1111018001")
                .then().statusCode(404).contentType("application/problem+json");
        String teacher = tokens.passwordGrant("teacher-demo", "teacher-demo");
        given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(Map.of("code", "1111018009", "name", "测试", "regionCode", "110118", "locationType", "RURAL", "level", "PRIMARY"))
                .post(gateway + "/api/v1/pairing/schools")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(5)
    void partnerSystemsAuthenticateWithClientCredentials() throws Exception {
        DemoAccounts.Partner partner = DemoAccounts.read(config.realmFile()).partners().stream()
                .filter(p -> p.clientId().equals("partner-150000")).findFirst().orElseThrow();
        String token = tokens.clientCredentials(partner.clientId(), partner.secret());
        given().auth().oauth2(token).get(gateway + "/api/v1/pairing/schools")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    @Order(6)
    void theExchangeFeedShowsEachPartnerOnlyItsRegion() throws Exception {
        String miyun = tokens.passwordGrant("edu-miyun", "edu-miyun");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(miyun).get(gateway + "/api/v1/pairing/exchange/events")
                        .then().statusCode(200)
                        .body("events.type", hasItem("org.xietong.pairing.school.registered.v1"))
                        .body("events.subject", hasItem("1111018001")));
        DemoAccounts.Partner innerMongolia = DemoAccounts.read(config.realmFile()).partners().stream()
                .filter(p -> p.clientId().equals("partner-150000")).findFirst().orElseThrow();
        String partner = tokens.clientCredentials(innerMongolia.clientId(), innerMongolia.secret());
        given().auth().oauth2(partner).get(gateway + "/api/v1/pairing/exchange/events")
                .then().statusCode(200).body("events", org.hamcrest.Matchers.empty());
        String teacher = tokens.passwordGrant("teacher-demo", "teacher-demo");
        given().auth().oauth2(teacher).get(gateway + "/api/v1/pairing/exchange/events")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(7)
    void theDemoDataLoadsThroughTheGatewayAndEachSideSeesItsPairs() throws Exception {
        DemoData.Loaded loaded = DemoData.load(config.root().resolve("deploy/demo"), gateway,
                user -> tokens.passwordGrant(user, user));
        assertEquals(8, loaded.pairings());

        String miyun = tokens.passwordGrant("edu-miyun", "edu-miyun");
        given().auth().oauth2(miyun).get(gateway + "/api/v1/pairing/pairings?status=ACTIVE")
                .then().statusCode(200).body("items.supportedParty", hasItem("1111018001"));
        DemoAccounts.Partner innerMongolia = DemoAccounts.read(config.realmFile()).partners().stream()
                .filter(p -> p.clientId().equals("partner-150000")).findFirst().orElseThrow();
        String partner = tokens.clientCredentials(innerMongolia.clientId(), innerMongolia.secret());
        given().auth().oauth2(partner).get(gateway + "/api/v1/pairing/pairings")
                .then().statusCode(200).body("items.supportedParty", hasItem("2152222003"))
                .body("items.supportedParty", org.hamcrest.Matchers.not(hasItem("1111018001")));
        String beijing = tokens.passwordGrant("edu-beijing", "edu-beijing");
        given().auth().oauth2(beijing).get(gateway + "/api/v1/pairing/coverage")
                .then().statusCode(200).body("activePairs", org.hamcrest.Matchers.greaterThanOrEqualTo(6));
    }

    @Test
    @Order(8)
    void aConfirmedRotationBecomesAnActivityOfThePairingAndEachCallerSeesOnlyTheirs() throws Exception {
        // The demo confirmed 北京一零一中学's secondment to 巴彦呼舒第三中学 and three shadowing seats (rotation.json).
        String admin = tokens.passwordGrant("admin", "admin");
        String pairing = given().auth().oauth2(admin).queryParam("size", 200).get(gateway + "/api/v1/pairing/pairings")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.supportingParty == '1111010801' && it.supportedParty == '2152222003' }.id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(admin).queryParam("pairing", pairing).get(gateway + "/api/v1/pairing/activities")
                        .then().statusCode(200).body("items.summary", hasItem(containsString("SECONDMENT"))));

        String beijing = tokens.passwordGrant("edu-beijing", "edu-beijing");
        given().auth().oauth2(beijing).queryParam("status", "PROPOSED").get(gateway + "/api/v1/rotation/assignments")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth().oauth2(beijing).queryParam("region", "110000").queryParam("cycle", 2024)
                .get(gateway + "/api/v1/rotation/stats").then().statusCode(200)
                .body("total.eligible", org.hamcrest.Matchers.greaterThan(0));
        String teacher = tokens.passwordGrant("teacher-demo", "teacher-demo");
        given().auth().oauth2(teacher).get(gateway + "/api/v1/rotation/teachers").then().statusCode(200)
                .body("items.staffNumber", equalTo(List.of("T1101180001")));
        String miyun = tokens.passwordGrant("edu-miyun", "edu-miyun");
        given().auth().oauth2(miyun).queryParam("size", 200).get(gateway + "/api/v1/rotation/teachers").then()
                .statusCode(200).body("items.schoolCode", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("11110180")));
        String hulunbuir = tokens.passwordGrant("edu-hulunbuir", "edu-hulunbuir");
        given().auth().oauth2(hulunbuir).contentType(ContentType.JSON).body(Map.of("regionCode", "110000", "cycle", 2024))
                .post(gateway + "/api/v1/rotation/matching-runs").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @Order(9)
    void aChongqingLtcAssessmentInBeijingIsRecognisedAndThePartnerSeesEveryStep() throws Exception {
        String chongqing = tokens.passwordGrant("insurer-chongqing", "insurer-chongqing");
        String changping = tokens.passwordGrant("insurer-changping", "insurer-changping");
        String shijingshan = tokens.passwordGrant("assessor-shijingshan", "assessor-shijingshan");
        String yubei = tokens.passwordGrant("assessor-yubei", "assessor-yubei");
        // The demo data set up the agreement and Chongqing's benefits (deploy/demo/healthcare-ltc.json).
        String id = given().auth().oauth2(chongqing).contentType(ContentType.JSON)
                .body(Map.of("personRef", "CQ-LTC-SYSTEM-TEST", "homeRegion", "500112", "residenceRegion", "110114",
                        "residenceLatitude", 40.1, "residenceLongitude", 116.2))
                .post(gateway + "/api/v1/healthcare/ltc/requests").then().statusCode(201)
                .body("assessorInstitution", equalTo("LTC1101070001")).extract().jsonPath().getString("id");
        given().auth().oauth2(changping).get(gateway + "/api/v1/healthcare/ltc/requests/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
        Map<String, Object> result = Map.of("dailyLiving", 35, "cognition", 60, "perception", 70, "grade", 3);
        given().auth().oauth2(yubei).contentType(ContentType.JSON).body(result)
                .post(gateway + "/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(shijingshan).contentType(ContentType.JSON)
                .body(Map.of("dailyLiving", 35, "cognition", 60, "perception", 70, "grade", 9))
                .post(gateway + "/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(shijingshan).contentType(ContentType.JSON).body(result)
                .post(gateway + "/api/v1/healthcare/ltc/requests/" + id + "/result").then().statusCode(200)
                .body("status", equalTo("RECOGNISED")).body("monthlyBenefit", equalTo(1200.0f));
        DemoAccounts.Partner chongqingPartner = DemoAccounts.read(config.realmFile()).partners().stream()
                .filter(p -> p.clientId().equals("partner-500000")).findFirst().orElseThrow();
        String partner = tokens.clientCredentials(chongqingPartner.clientId(), chongqingPartner.secret());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(partner).queryParam("limit", 500).get(gateway + "/api/v1/healthcare/exchange/events")
                        .then().statusCode(200)
                        .body("events.findAll { it.subject == '" + id + "' }.type", org.hamcrest.Matchers.hasItems(
                                "org.xietong.healthcare.ltc.requested.v1", "org.xietong.healthcare.ltc.assessed.v1",
                                "org.xietong.healthcare.ltc.recognised.v1")));
    }

    @Test
    @Order(10)
    void theGatewayServesOneApiDocumentWithEveryServicesPathsWithoutAToken() {
        String json = given().get(gateway + "/openapi").then().statusCode(200).contentType("application/json")
                .extract().asString();
        JsonPath doc = JsonPath.from(json);
        assertEquals(List.of(), doc.getList("x-xietong-unavailable"));
        // The services share schema names (Kind, Status, SchoolView …); every ref must still find its schema.
        Set<String> schemas = doc.<String, Object>getMap("components.schemas").keySet();
        List<String> dangling = Pattern.compile("#/components/schemas/([^\"]+)").matcher(json).results()
                .map(m -> m.group(1)).filter(name -> !schemas.contains(name)).distinct().toList();
        assertEquals(List.of(), dangling, "refs without a schema");
        Set<String> paths = doc.<String, Object>getMap("paths").keySet();
        for (String path : PREFIXES) {
            assertTrue(paths.contains(path), path + " in " + paths);
        }
        assertTrue(paths.stream().allMatch(p -> p.startsWith("/api/v1/")), "only the routed prefixes: " + paths);
        assertEquals(stack.keycloak().issuer() + "/protocol/openid-connect/auth",
                doc.getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl"));
        given().get(gateway + "/q/swagger-ui/").then().statusCode(200).body(containsString("/openapi"));
    }

    /**
     * The seeds' figures from the demo data, through the gateway as a bureau would ask (README "The seeds' figures in
     * the demo" sets each beside the story's): Fenyang's safety-net forecast, Beijing's 2021 rotation cycle and
     * Dezhou's rural group coverage.
     */
    @Test
    @Order(11)
    void theDemoGivesTheSeedsFiguresThroughTheGateway() throws Exception {
        String admin = tokens.passwordGrant("admin", "admin");
        com.fasterxml.jackson.databind.JsonNode demo = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(config.root().resolve("deploy/demo/healthcare-settlement.json").toFile());
        com.fasterxml.jackson.databind.JsonNode forecast = null;
        for (com.fasterxml.jackson.databind.JsonNode step : demo.path("steps")) {
            if (step.path("path").asText().endsWith("/fallback/forecast") && step.path("body").path("year").asInt() == 2023) {
                forecast = step.path("body");
            }
        }
        JsonPath fenyang = given().auth().oauth2(admin).contentType(ContentType.JSON).body(forecast.toString())
                .post(gateway + "/api/v1/healthcare/fallback/forecast").then().statusCode(200).extract().jsonPath();
        JsonPath beijing = given().auth().oauth2(tokens.passwordGrant("edu-beijing", "edu-beijing"))
                .queryParam("region", "110000").queryParam("cycle", 2021).get(gateway + "/api/v1/rotation/stats")
                .then().statusCode(200).extract().jsonPath();
        JsonPath dezhou = given().auth().oauth2(admin).queryParam("region", "371400")
                .get(gateway + "/api/v1/pairing/coverage").then().statusCode(200).extract().jsonPath();
        System.out.printf("Seed figures through the gateway: Fenyang safety-net forecast %s yuan (seed: 280余万); "
                        + "Beijing cycle 2021: %s of %s eligible rotated (%s %%), full-time %s %%, backbone %s %% "
                        + "(seed: 79 %%, 66 %%, 39 %%); Dezhou rural group coverage %s of %s = %s (seed: 532 schools, 93 %%)%n",
                fenyang.getString("totals.fallback"), beijing.getString("total.rotated"), beijing.getString("total.eligible"),
                beijing.getString("total.rotatedPercent"), beijing.getString("total.fullTimePercent"),
                beijing.getString("total.backbonePercent"), dezhou.getString("ruralGroupedSchools"),
                dezhou.getString("ruralSchools"), dezhou.getString("ruralGroupRatio"));
        assertEquals(0, new java.math.BigDecimal(fenyang.getString("totals.fallback"))
                .compareTo(new java.math.BigDecimal("2825375.00")));
        // Haidian, where the demo's 2021 secondment left from (the soak before this class adds Chaoyang's teachers).
        assertEquals(3, beijing.getInt("districts.find { it.regionCode == '110108' }.eligible"));
        assertEquals(1, beijing.getInt("districts.find { it.regionCode == '110108' }.rotated"));
        assertEquals(4, dezhou.getInt("ruralSchools"));
        assertEquals(3, dezhou.getInt("ruralGroupedSchools"));
    }
}
