package org.xietong.pairing.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ActivityResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String MIYUN = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
    private static final String SHUNYI = TestTokens.user("edu-shunyi", "education-officer").region("110113").sign();

    @Inject
    EntityManager em;

    @Test
    void pairedSchoolsRecordWhatTheyDoTogether() {
        String pairing = activePairing("1111016601", "1111086601");
        LocalDate day = LocalDate.of(2026, 10, 16);
        record(MIYUN, activity(pairing, "STUDY_TRIP", day, day, List.of("1111016601", "1111086601")))
                .then().statusCode(201).body("kind", equalTo("STUDY_TRIP")).body("classes", equalTo(10));
        String schoolAdmin = TestTokens.user("school-6601", "school-admin").region("110118").school("1111086601").sign();
        record(schoolAdmin, activity(pairing, "LECTURE", day.plusDays(7), day.plusDays(7), List.of("1111086601")))
                .then().statusCode(201);

        given().auth().oauth2(MIYUN).get("/api/v1/pairing/activities?pairing=" + pairing).then().statusCode(200)
                .body("items.kind", contains("LECTURE", "STUDY_TRIP"));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/activities?pairing=" + pairing).then().statusCode(404);
        record(SHUNYI, activity(pairing, "READING", day, day, List.of("1111086601"))).then().statusCode(404);
        assertTypes(pairing, "org.xietong.pairing.activity.recorded.v1", 2);
    }

    /** The ACTIVE pairing the refused activities are recorded against, made once for all the cases. */
    private static String rulesPairing;

    static Stream<Arguments> refusedActivities() {
        LocalDate day = LocalDate.of(2026, 10, 16);
        return Stream.of(
                Arguments.of("a school that is not a party", "STUDY_TRIP", day, day, List.of("1111016602", "1111018001"),
                        422, (Consumer<ValidatableResponse>) answer -> answer.contentType("application/problem+json")
                                .body("detail", containsString("1111018001"))),
                Arguments.of("an end before the start", "STUDY_TRIP", day, day.minusDays(1), List.of("1111016602"),
                        400, (Consumer<ValidatableResponse>) answer -> answer.body("errors.field", hasItem("datesInOrder"))),
                Arguments.of("an unknown kind", "PARTY", day, day, List.of("1111016602"),
                        400, (Consumer<ValidatableResponse>) answer -> { }),
                Arguments.of("an end in the future", "READING", day, LocalDate.now().plusYears(70), List.of("1111016602"),
                        400, (Consumer<ValidatableResponse>) answer -> answer.body("errors.field", hasItem("endedAlready"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedActivities")
    void anActivityAgainstTheRulesIsRefused(String rule, String kind, LocalDate start, LocalDate end, List<String> schools,
                                            int status, Consumer<ValidatableResponse> reason) {
        if (rulesPairing == null) {
            rulesPairing = activePairing("1111016602", "1111086602");
        }
        reason.accept(record(MIYUN, activity(rulesPairing, kind, start, end, schools)).then().statusCode(status));
    }

    @Test
    void aSuspendedPairingRecordsNoActivity() {
        String pairing = activePairing("1111016612", "1111086612");
        LocalDate day = LocalDate.of(2026, 10, 16);
        given().auth().oauth2(ADMIN).post("/api/v1/pairing/pairings/" + pairing + "/suspend").then().statusCode(200);
        record(MIYUN, activity(pairing, "READING", day, day, List.of("1111016612"))).then().statusCode(409);
    }

    @Test
    void aConfirmedTeacherExchangeBecomesAnActivityOfThePairing() throws Exception {
        String pairing = activePairing("1111016606", "1111086606");
        String servers = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                Map.of("bootstrap.servers", servers), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            for (String[] exchange : List.of(new String[]{"1111016606", "1111086606"}, new String[]{"1111016606", "1111089999"})) {
                var event = org.xietong.platform.events.CloudEvent.of(UUID.randomUUID().toString(), "/xietong/rotation",
                        org.xietong.contracts.rotation.ExchangeConfirmed.TYPE, "ex-" + exchange[1], Instant.now(),
                        List.of("110105", "110118"), "{\"exchangeId\":\"ex-" + exchange[1] + "\",\"fromSchool\":\""
                                + exchange[0] + "\",\"toSchool\":\"" + exchange[1] + "\",\"mode\":\"FULL_TIME\","
                                + "\"teachers\":2,\"startDate\":\"2026-09-01\",\"months\":12}");
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("xietong.rotation.events", null,
                        event.subject(), event.data(), event.kafkaHeaders())).get();
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(MIYUN).get("/api/v1/pairing/activities?pairing=" + pairing).then().statusCode(200)
                        .body("items.teachers", contains(2))
                        .body("items[0].endDate", equalTo("2027-08-31"))
                        .body("items[0].createdBy", equalTo("pairing.rotation-exchanges")));
    }

    @Test
    void buddyClassesTwinTwoClassesAndKeepOnlyCounts() {
        String pairing = activePairing("1111016605", "1111086605");
        Map<String, Object> twin = Map.of("pairingId", pairing,
                "supportingClass", Map.of("name", "初二（3）班", "grade", 8, "students", 40),
                "supportedClass", Map.of("name", "初二（1）班", "grade", 8, "students", 32),
                "studyBuddyPairs", 32);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(twin).post("/api/v1/pairing/buddy-classes")
                .then().statusCode(201).body("studyBuddyPairs", equalTo(32));
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(twin).post("/api/v1/pairing/buddy-classes")
                .then().statusCode(409);
        Map<String, Object> tooMany = new HashMap<>(twin);
        tooMany.put("studyBuddyPairs", 33);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(tooMany).post("/api/v1/pairing/buddy-classes")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MIYUN).get("/api/v1/pairing/buddy-classes?pairing=" + pairing).then().statusCode(200)
                .body("supportedClass.name", contains("初二（1）班"));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/buddy-classes?pairing=" + pairing).then().statusCode(404);
    }

    @Test
    void dissolvedBuddyClassesStayListedMarkedAndMayBeTwinnedAgain() {
        String pairing = activePairing("1111016607", "1111086607");
        Map<String, Object> twin = Map.of("pairingId", pairing,
                "supportingClass", Map.of("name", "初一（2）班", "grade", 7, "students", 42),
                "supportedClass", Map.of("name", "初一（1）班", "grade", 7, "students", 30),
                "studyBuddyPairs", 30);
        String id = given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(twin)
                .post("/api/v1/pairing/buddy-classes").then().statusCode(201).extract().path("id");
        String dissolve = "/api/v1/pairing/buddy-classes/" + id + "/dissolve";

        given().auth().oauth2(SHUNYI).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "冒名")).post(dissolve).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(Map.of("reason", "分班调整"))
                .post(dissolve).then().statusCode(428);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "分班调整")).post(dissolve).then().statusCode(200)
                .body("dissolutionReason", equalTo("分班调整"));
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "分班调整")).post(dissolve).then().statusCode(409);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(twin)
                .post("/api/v1/pairing/buddy-classes").then().statusCode(201);

        given().auth().oauth2(MIYUN).get("/api/v1/pairing/buddy-classes?pairing=" + pairing).then().statusCode(200)
                .body("dissolutionReason", contains("分班调整", null));
        given().auth().oauth2(ADMIN).queryParam("entity", "pairing").queryParam("id", pairing)
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.find { it.action == 'buddy-class.dissolved' }.summary.reason", equalTo("分班调整"));
        assertTypes(pairing, "org.xietong.pairing.buddy-class.dissolved.v1", 1);
    }

    @Test
    void pairingsWithNothingHappeningForASemesterAreDormant() {
        String quiet = activePairing("1111016603", "1111086603");
        String busy = activePairing("1111016604", "1111086604");
        backdateActivation(quiet, 240);
        backdateActivation(busy, 240);
        LocalDate recent = LocalDate.now().minusDays(20);
        record(MIYUN, activity(busy, "TEACHER_TRAINING", recent, recent, List.of("1111016604"))).then().statusCode(201);

        given().auth().oauth2(MIYUN).get("/api/v1/pairing/dormant-pairings").then().statusCode(200)
                .body("pairingId", hasItem(quiet)).body("pairingId", not(hasItem(busy)))
                .body("find { it.pairingId == '" + quiet + "' }.idleDays", org.hamcrest.Matchers.greaterThanOrEqualTo(239));
        given().auth().oauth2(MIYUN).get("/api/v1/pairing/dormant-pairings?months=12").then().statusCode(200)
                .body("pairingId", not(hasItem(quiet)));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/dormant-pairings").then().statusCode(200)
                .body("pairingId", not(hasItem(quiet)));
    }

    @Test
    void aWithdrawnActivityNoLongerKeepsItsPairingAwake() {
        String pairing = activePairing("1111016621", "1111086621");
        backdateActivation(pairing, 240);
        LocalDate recent = LocalDate.now().minusDays(20);
        String id = record(MIYUN, activity(pairing, "TEACHER_TRAINING", recent, recent, List.of("1111016621")))
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "误录：该培训未举行"))
                .post("/api/v1/pairing/activities/" + id + "/withdraw").then().statusCode(200)
                .body("withdrawalReason", equalTo("误录：该培训未举行")).body("withdrawnAt", notNullValue());

        given().auth().oauth2(MIYUN).get("/api/v1/pairing/dormant-pairings").then().statusCode(200)
                .body("pairingId", hasItem(pairing));
        assertTypes(pairing, "org.xietong.pairing.activity.withdrawn.v1", 1);
    }

    @Test
    void anActivityIsWithdrawnOnceAndOnlyByThePairingsSides() {
        String pairing = activePairing("1111016622", "1111086622");
        LocalDate day = LocalDate.of(2026, 10, 16);
        String id = record(MIYUN, activity(pairing, "LECTURE", day, day, List.of("1111086622")))
                .then().statusCode(201).extract().path("id");

        String withdraw = "/api/v1/pairing/activities/" + id + "/withdraw";
        long version = given().auth().oauth2(MIYUN).queryParam("pairing", pairing).get("/api/v1/pairing/activities")
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.id == '" + id + "' }.version");

        given().auth().oauth2(SHUNYI).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("reason", "越权撤回")).post(withdraw).then().statusCode(404);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).body(Map.of("reason", "重复录入"))
                .post(withdraw).then().statusCode(428);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", "\"" + (version + 1) + "\"")
                .body(Map.of("reason", "重复录入")).post(withdraw).then().statusCode(412);
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("reason", "重复录入")).post(withdraw).then().statusCode(200)
                .body("version", equalTo((int) version + 1));
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", "\"" + (version + 1) + "\"")
                .body(Map.of("reason", "重复录入")).post(withdraw).then().statusCode(409);
    }

    private String activePairing(String urban, String township) {
        school(urban, "朝阳区学校" + urban.substring(6), "110105", "URBAN");
        school(township, "密云区学校" + township.substring(6), "110118", "TOWNSHIP");
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "HAND_IN_HAND", "supportingParty", urban, "supportedParty", township))
                .post("/api/v1/pairing/pairings").then().statusCode(201).extract().path("id");
        for (String side : List.of("SUPPORTING", "SUPPORTED")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("side", side))
                    .post("/api/v1/pairing/pairings/" + id + "/approvals").then().statusCode(200);
        }
        return id;
    }

    private static void school(String code, String name, String region, String location) {
        SchoolFixtures.register(ADMIN, code, name, region, location).then().statusCode(201);
    }

    private static Map<String, Object> activity(String pairing, String kind, LocalDate start, LocalDate end, List<String> schools) {
        Map<String, Object> body = new HashMap<>();
        body.put("pairingId", pairing);
        body.put("kind", kind);
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("place", "密云区古北口红色教育基地");
        body.put("schools", schools);
        body.put("students", 420);
        body.put("teachers", 30);
        body.put("classes", 10);
        body.put("summary", "联合研学实践活动");
        return body;
    }

    private static Response record(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/pairing/activities");
    }

    private void backdateActivation(String pairing, int days) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE pairing SET activated_at = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().minus(days, ChronoUnit.DAYS)).setParameter(2, UUID.fromString(pairing))
                .executeUpdate());
    }

    private void assertTypes(String pairing, String type, long expected) {
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE subject = ?1 AND type = ?2")
                .setParameter(1, pairing).setParameter(2, type).getSingleResult()).longValue());
        org.junit.jupiter.api.Assertions.assertEquals(expected, count);
    }
}
