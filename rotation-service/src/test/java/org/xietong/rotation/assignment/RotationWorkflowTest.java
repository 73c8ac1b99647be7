package org.xietong.rotation.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xietong.contracts.rotation.AssignmentChanged;
import org.xietong.contracts.rotation.ExchangeConfirmed;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.fixtures.PostFixtures.dispatch;
import static org.xietong.rotation.fixtures.PostFixtures.post;
import static org.xietong.rotation.fixtures.PostFixtures.request;
import static org.xietong.rotation.fixtures.PostFixtures.with;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

/**
 * One rotation end to end in Tianjin (120000, used by no other test class): posts, an optimal run under the
 * outflow cap and the cross-district rule, 接单, both districts' confirmations, the events on the real broker,
 * service, 评单, the growth dossier and the cycle's statistics.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotationWorkflowTest {

    private static final String STRONG = "1212010101";      // 和平区, linked to the receiving school
    private static final String UNLINKED = "1212010102";    // 和平区, no link
    private static final String RECEIVING = "1212010201";   // 河东区
    private static final String CITY = TestTokens.user("edu-tj", "education-officer").region("120000").sign();
    private static final String HEPING = TestTokens.user("edu-hp", "education-officer").region("120101").sign();
    private static final String HEDONG = TestTokens.user("edu-hd", "education-officer").region("120102").sign();
    private static final String RECEIVING_ADMIN = TestTokens.user("hd-admin", "school-admin").region("120102").school(RECEIVING).sign();
    private static final String TEACHER_A = TestTokens.user("tj-a", "teacher").region("120101").school(STRONG).teacher("TJ-A").sign();
    private static final String TEACHER_B = TestTokens.user("tj-b", "teacher").region("120101").school(STRONG).teacher("TJ-B").sign();

    private static boolean ready;
    private static long teacherA;
    private static long teacherB;
    private static long postId;
    private static String assignmentId;

    @BeforeEach
    void world() {
        if (ready) {
            return;
        }
        try (PairingEvents events = new PairingEvents()) {
            events.school(STRONG, "天津市第一中学", "120101", "JUNIOR", 39.117, 117.200)
                    .school(UNLINKED, "天津市第二十中学", "120101", "JUNIOR", 39.120, 117.190)
                    .school(RECEIVING, "天津市第四十五中学", "120102", "JUNIOR", 39.120, 117.250)
                    .activePairing(STRONG, RECEIVING);
        }
        PairingEvents.awaitSchools(STRONG, UNLINKED, RECEIVING);
        PairingEvents.awaitLink(STRONG, RECEIVING);
        teacherA = register(CITY, with(teacher("TJ-A", "张老师", STRONG), "joinedSchoolOn", "2010-09-01",
                "backbone", "DISTRICT", "tags", List.of("STEM")));
        teacherB = register(CITY, with(teacher("TJ-B", "李老师", STRONG), "joinedSchoolOn", "2012-09-01",
                "title", "SENIOR"));
        register(CITY, with(teacher("TJ-C", "王老师", UNLINKED), "joinedSchoolOn", "2011-09-01"));
        register(CITY, with(teacher("TJ-D", "赵老师", RECEIVING), "joinedSchoolOn", "2005-09-01"));
        register(CITY, with(teacher("TJ-E", "钱老师", STRONG), "joinedSchoolOn", "2020-09-01"));
        register(CITY, with(teacher("TJ-F", "孙老师", STRONG), "joinedSchoolOn", "2009-09-01", "status", "LEAVE"));
        postId = request(RECEIVING_ADMIN, with(post(RECEIVING), "seats", 2, "minTitle", "FIRST",
                "preferredTags", List.of("STEM")));
        dispatch(HEDONG, postId);
        ready = true;
    }

    private static Map<String, Object> run(String mode, boolean dryRun) {
        return Map.of("regionCode", "120000", "cycle", 2024, "mode", mode, "dryRun", dryRun, "postIds", List.of(postId));
    }

    @Test
    @Order(1)
    void theOptimalRunRespectsTheCapAndTheCrossDistrictRule() {
        // STRONG has two active maths teachers (A, B): 20 % of 2 rounds down to 0, at least one may go. UNLINKED's
        // teacher may not cross districts; RECEIVING's own teacher never goes to her own school.
        JsonPath run = given().auth().oauth2(CITY).contentType(ContentType.JSON).body(run("OPTIMAL", false))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201)
                .body("provenOptimal", equalTo(true)).body("seatsOffered", equalTo(2)).body("seatsFilled", equalTo(1))
                .body("proposals[0].staffNumber", equalTo("TJ-A"))
                .body("proposals[0].points.preferredTags", equalTo(10))
                .body("proposals[0].points.backbone", equalTo(10))
                .body("proposals[0].points.linkedSchools", equalTo(20))
                .body("unfilled[0].reason", equalTo("OUTFLOW_CAP_REACHED"))
                .extract().jsonPath();
        assignmentId = run.getString("proposals[0].assignmentId");
        int total = run.getInt("proposals[0].points.total");
        assertEquals(10 + 10 + 20 + run.getInt("proposals[0].points.distance"), total);
        assertTrue(run.getInt("proposals[0].points.distance") < 0, "5 km apart costs points");
        given().auth().oauth2(CITY).get("/api/v1/rotation/matching-runs/" + run.getString("id")).then().statusCode(200)
                .body("proposals[0].assignmentId", equalTo(assignmentId));
        given().auth().oauth2(TEACHER_A).get("/api/v1/rotation/assignments/" + assignmentId).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
        given().auth().oauth2(TEACHER_B).get("/api/v1/rotation/assignments/" + assignmentId).then().statusCode(404);
    }

    @Test
    @Order(2)
    void aSecondRunFindsTheSeatsTakenAndStableModeNeedsRankings() {
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(run("OPTIMAL", true))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201)
                .body("seatsOffered", equalTo(1)).body("seatsFilled", equalTo(0));
        given().auth().oauth2(TEACHER_B).contentType(ContentType.JSON).body(Map.of("postIds", List.of(postId)))
                .put("/api/v1/rotation/teachers/" + teacherB + "/preferences").then().statusCode(200);
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(run("STABLE", true))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201)
                .body("provenOptimal", equalTo(false)).body("seatsFilled", equalTo(0));
        given().auth().oauth2(HEPING).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "120000", "cycle", 2024)).post("/api/v1/rotation/matching-runs")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "120000", "cycle", 2025)).post("/api/v1/rotation/matching-runs")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void theTeacherAcceptsAndBothDistrictsConfirm() {
        given().auth().oauth2(TEACHER_B).post("/api/v1/rotation/assignments/" + assignmentId + "/accept").then().statusCode(404);
        given().auth().oauth2(HEPING).post("/api/v1/rotation/assignments/" + assignmentId + "/confirm").then().statusCode(409);
        given().auth().oauth2(TEACHER_A).post("/api/v1/rotation/assignments/" + assignmentId + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(HEPING).post("/api/v1/rotation/assignments/" + assignmentId + "/confirm").then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("fromConfirmedBy", equalTo("edu-hp"));
        given().auth().oauth2(HEPING).post("/api/v1/rotation/assignments/" + assignmentId + "/confirm").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(HEDONG).post("/api/v1/rotation/assignments/" + assignmentId + "/confirm").then()
                .statusCode(200).body("status", equalTo("CONFIRMED")).body("toConfirmedBy", equalTo("edu-hd"));
    }

    @Test
    @Order(4)
    void everyStepIsAnEventAndTheConfirmationIsAnExchange() {
        Set<String> expected = Set.of(AssignmentChanged.PROPOSED, AssignmentChanged.ACCEPTED, AssignmentChanged.APPROVED,
                AssignmentChanged.CONFIRMED, ExchangeConfirmed.TYPE);
        Set<String> seen = new HashSet<>();
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "workflow-observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("xietong.rotation.events"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (assignmentId.equals(record.key()) && type != null) {
                        seen.add(new String(type.value(), StandardCharsets.UTF_8));
                        if (ExchangeConfirmed.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            JsonPath exchange = new JsonPath(record.value());
                            assertEquals(STRONG, exchange.getString("fromSchool"));
                            assertEquals(RECEIVING, exchange.getString("toSchool"));
                            assertEquals(1, exchange.getInt("teachers"));
                        }
                    }
                }
                return seen.containsAll(expected);
            });
        }
    }

    /** Issue 20: a confirmed assignment could not be extended; both districts now agree to the same months. */
    @Test
    @Order(4)
    void bothDistrictsAgreeToExtendTheConfirmedAssignment() {
        int months = given().auth().oauth2(HEPING).get("/api/v1/rotation/assignments/" + assignmentId).then()
                .statusCode(200).extract().path("months");
        given().auth().oauth2(HEPING).contentType(ContentType.JSON).body(Map.of("months", 6, "reason", "学校申请延长一学期"))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/extension").then().statusCode(200)
                .body("months", equalTo(months)).body("pendingExtensionMonths", equalTo(6));
        given().auth().oauth2(HEDONG).contentType(ContentType.JSON).body(Map.of("months", 3, "reason", "只需一个学期的一半"))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/extension").then().statusCode(409)
                .body("type", containsString("extension-differs"));
        given().auth().oauth2(HEDONG).contentType(ContentType.JSON).body(Map.of("months", 6, "reason", "同意延长"))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/extension").then().statusCode(200)
                .body("months", equalTo(months + 6)).body("pendingExtensionMonths", nullValue())
                .body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(CITY).queryParam("entity", "assignment").queryParam("id", assignmentId)
                .get("/api/v1/rotation/audit").then().statusCode(200)
                .body("items.action", hasItems("assignment.extension-agreed", "assignment.extended"));
    }

    @Test
    @Order(5)
    void theReceivingSchoolRunsTheServiceAndEvaluatesIt() {
        given().auth().oauth2(TEACHER_A).post("/api/v1/rotation/assignments/" + assignmentId + "/start").then().statusCode(403);
        given().auth().oauth2(RECEIVING_ADMIN).post("/api/v1/rotation/assignments/" + assignmentId + "/start").then()
                .statusCode(200).body("status", equalTo("IN_SERVICE"));
        given().auth().oauth2(RECEIVING_ADMIN).contentType(ContentType.JSON).body(Map.of("score", 90))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/evaluate").then().statusCode(409);
        given().auth().oauth2(RECEIVING_ADMIN).post("/api/v1/rotation/assignments/" + assignmentId + "/complete").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(RECEIVING_ADMIN).contentType(ContentType.JSON).body(Map.of("score", 101))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/evaluate").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(RECEIVING_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("score", 92, "comments", "带动数学组教研，学生成绩明显提升"))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/evaluate").then().statusCode(200)
                .body("status", equalTo("EVALUATED")).body("evaluationScore", equalTo(92));
    }

    @Test
    @Order(6)
    void theGrowthDossierHoldsTheRotationTheEvaluationAndTheTeachersOwnEntries() {
        given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAINING", "title", "市级骨干教师研修", "startDate", "2026-03-01", "endDate", "2026-02-01"))
                .post("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAINING", "title", "市级骨干教师研修", "startDate", "2026-03-01", "countsForTitle", true))
                .post("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(403);
        given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAINING", "title", "市级骨干教师研修", "startDate", "2026-03-01", "endDate", "2026-03-05"))
                .post("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(201)
                .body("source", equalTo("TEACHER"));
        given().auth().oauth2(TEACHER_A).get("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(200)
                .body("entries.kind", hasItems("ROTATION", "EVALUATION", "TRAINING"))
                .body("entries.find { it.kind == 'ROTATION' }.countsForTitle", equalTo(true))
                .body("entries.find { it.kind == 'ROTATION' }.countsForAward", equalTo(true))
                .body("entries.find { it.kind == 'EVALUATION' }.details", equalTo("带动数学组教研，学生成绩明显提升"))
                .body("rotations", equalTo(1));
        given().auth().oauth2(TEACHER_B).get("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(404);
    }

    @Test
    @Order(7)
    void theCycleStatisticsCountTheRotationAgainstTheTargets() {
        // Eligible on 2024-09-01: A, B, C, D (E joined 2020, F is on leave); A rotated, full time, a backbone teacher.
        given().auth().oauth2(CITY).queryParam("region", "120000").queryParam("cycle", 2024).get("/api/v1/rotation/stats")
                .then().statusCode(200)
                .body("total.eligible", equalTo(4)).body("total.rotated", equalTo(1))
                .body("total.rotatedPercent", equalTo(25.0f)).body("total.fullTimePercent", equalTo(100.0f))
                .body("total.backbonePercent", equalTo(100.0f))
                .body("targets.cyclePercent", equalTo(30)).body("total.meetsRotationTarget", equalTo(false))
                .body("districts.find { it.regionCode == '120101' }.rotated", equalTo(1))
                .body("districts.find { it.regionCode == '120102' }.eligible", equalTo(1))
                .body("cycleEnd", notNullValue());
    }

    /** A's rotation starts on 2025-09-01: school year 2025 of the 2024 cycle, measured against the yearly 10 %. */
    @Test
    @Order(7)
    void aSchoolYearsStatisticsCountTheRotationsStartingInItAgainstTheYearlyTarget() {
        given().auth().oauth2(CITY).queryParam("region", "120000").queryParam("cycle", 2024).queryParam("schoolYear", 2025)
                .get("/api/v1/rotation/stats").then().statusCode(200)
                .body("periodStart", equalTo("2025-09-01")).body("periodEnd", equalTo("2026-08-31"))
                .body("total.eligible", equalTo(4)).body("total.rotated", equalTo(1))
                .body("targets.yearlyPercent", equalTo(10)).body("total.meetsRotationTarget", equalTo(true));
        given().auth().oauth2(CITY).queryParam("region", "120000").queryParam("cycle", 2024).queryParam("schoolYear", 2024)
                .get("/api/v1/rotation/stats").then().statusCode(200)
                .body("total.eligible", equalTo(4)).body("total.rotated", equalTo(0))
                .body("total.meetsRotationTarget", equalTo(false));
        given().auth().oauth2(CITY).queryParam("region", "120000").queryParam("cycle", 2024).queryParam("schoolYear", 2027)
                .get("/api/v1/rotation/stats").then().statusCode(400).contentType("application/problem+json");
    }

    /** Issue 20: the statistics answered JSON only; a bureau files them as a spreadsheet. */
    @Test
    @Order(7)
    void theCycleStatisticsAsCsvAreTheSameFiguresForASpreadsheet() {
        byte[] csv = given().auth().oauth2(CITY).accept("text/csv").queryParam("region", "120000")
                .queryParam("cycle", 2024).get("/api/v1/rotation/stats").then().statusCode(200)
                .contentType("text/csv").extract().asByteArray();
        List<String> lines = List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("\uFEFFlevel,regionCode,cycle,eligible,rotated,rotatedPercent,fullTime,fullTimePercent,backbone,"
                + "backbonePercent,meetsRotationTarget,meetsBackboneTarget", lines.get(0));
        assertEquals("REGION,120000,2024,4,1,25.0,1,100.0,1,100.0,false,true", lines.get(1).replace(".00", ".0"));
        assertEquals(true, lines.stream().anyMatch(line -> line.startsWith("DISTRICT,120101,2024,")), String.join("\n", lines));
    }

    @Test
    @Order(8)
    void anOfficerRejectsAProposalAndTheSeatIsOpenAgain() {
        // C (same district) or D (linked school) may take a maths seat at STRONG.
        long seat = request(HEPING, with(post(STRONG), "startDate", "2026-02-16"));
        dispatch(HEPING, seat);
        Map<String, Object> body = Map.of("regionCode", "120000", "cycle", 2024, "postIds", List.of(seat));
        String proposed = given().auth().oauth2(CITY).contentType(ContentType.JSON).body(body)
                .post("/api/v1/rotation/matching-runs").then().statusCode(201).body("seatsFilled", equalTo(1))
                .extract().jsonPath().getString("proposals[0].assignmentId");
        given().auth().oauth2(RECEIVING_ADMIN).post("/api/v1/rotation/assignments/" + proposed + "/reject").then()
                .statusCode(403);
        given().auth().oauth2(HEPING).contentType(ContentType.JSON).body(Map.of("reason", "该教师本学期承担毕业班教学"))
                .post("/api/v1/rotation/assignments/" + proposed + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("regionCode", "120000", "cycle", 2024,
                        "postIds", List.of(seat), "dryRun", true))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201).body("seatsOffered", equalTo(1))
                .body("seatsFilled", equalTo(1)).body("proposals[0].assignmentId", org.hamcrest.Matchers.nullValue());
    }

    /** Issue 20: a confirmed assignment could not be ended when the teacher fell ill; an officer now ends it early. */
    @Test
    @Order(8)
    void anOfficerEndsAConfirmedAssignmentEarlyWithAReason() {
        long seat = request(HEPING, with(post(STRONG), "startDate", "2026-02-16"));
        dispatch(HEPING, seat);
        String proposed = given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "120000", "cycle", 2024, "postIds", List.of(seat)))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201).body("seatsFilled", equalTo(1))
                .extract().jsonPath().getString("proposals[0].assignmentId");
        given().auth().oauth2(CITY).post("/api/v1/rotation/assignments/" + proposed + "/accept").then().statusCode(200);
        given().auth().oauth2(CITY).post("/api/v1/rotation/assignments/" + proposed + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(RECEIVING_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "教师因病无法到岗"))
                .post("/api/v1/rotation/assignments/" + proposed + "/termination").then().statusCode(403);

        given().auth().oauth2(HEPING).contentType(ContentType.JSON)
                .body(Map.of("reason", "教师因病无法到岗", "endedOn", "2026-02-26"))
                .post("/api/v1/rotation/assignments/" + proposed + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("endedOn", equalTo("2026-02-26"))
                .body("terminationReason", equalTo("教师因病无法到岗"));

        given().auth().oauth2(HEPING).post("/api/v1/rotation/assignments/" + proposed + "/start").then().statusCode(409);
        given().auth().oauth2(CITY).queryParam("entity", "assignment").queryParam("id", proposed)
                .get("/api/v1/rotation/audit").then().statusCode(200)
                .body("items.find { it.action == 'assignment.terminated' }.summary.reason", equalTo("教师因病无法到岗"));
    }

    @Test
    @Order(9)
    void rolesOutsideEducationAndSchoolAdminsWithoutASchoolSeeNoTeachers() {
        String health = TestTokens.user("health-tj", "health-officer").region("120000").sign();
        given().auth().oauth2(health).get("/api/v1/rotation/teachers").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(health).get("/api/v1/rotation/assignments/" + assignmentId).then().statusCode(403);
        String noSchool = TestTokens.user("admin-x", "school-admin").region("120102").sign();
        given().auth().oauth2(noSchool).get("/api/v1/rotation/teachers").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(noSchool).get("/api/v1/rotation/assignments").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(noSchool).contentType(ContentType.JSON).body(Map.of("score", 10))
                .post("/api/v1/rotation/assignments/" + assignmentId + "/evaluate").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** A training the teacher recorded twice: withdrawn, it stays in the dossier and counts no more. */
    @Test
    @Order(10)
    void aDossierEntryWrittenByMistakeIsWithdrawnAndNoLongerCounts() {
        long mine = given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAINING", "title", "重复录入的研修", "startDate", "2026-04-01"))
                .post("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long schools = given().auth().oauth2(HEPING).contentType(ContentType.JSON)
                .body(Map.of("kind", "AWARD", "title", "区级优秀教师", "startDate", "2026-05-01", "countsForAward", true,
                        "credits", 2.0))
                .post("/api/v1/rotation/teachers/" + teacherA + "/dossier").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        var before = given().auth().oauth2(HEPING).get("/api/v1/rotation/teachers/" + teacherA + "/dossier")
                .then().statusCode(200).extract().jsonPath();
        String dossier = "/api/v1/rotation/teachers/" + teacherA + "/dossier/";

        given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "不想要")).post(dossier + schools + "/withdraw").then().statusCode(403);
        given().auth().oauth2(TEACHER_B).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "冒名")).post(dossier + mine + "/withdraw").then().statusCode(404);
        given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON).body(Map.of("reason", "重复录入"))
                .post(dossier + mine + "/withdraw").then().statusCode(428);
        given().auth().oauth2(TEACHER_A).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "重复录入")).post(dossier + mine + "/withdraw").then().statusCode(200)
                .body("withdrawalReason", equalTo("重复录入")).body("version", equalTo(1));
        given().auth().oauth2(HEPING).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "评选结果撤销")).post(dossier + schools + "/withdraw").then().statusCode(200);
        given().auth().oauth2(HEPING).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "评选结果撤销")).post(dossier + schools + "/withdraw").then().statusCode(409);
        long rotation = given().auth().oauth2(HEPING).get("/api/v1/rotation/teachers/" + teacherA + "/dossier")
                .then().extract().jsonPath().getLong("entries.find { it.kind == 'ROTATION' }.id");
        given().auth().oauth2(HEPING).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "不对")).post(dossier + rotation + "/withdraw").then().statusCode(422)
                .contentType("application/problem+json");

        var after = given().auth().oauth2(HEPING).get("/api/v1/rotation/teachers/" + teacherA + "/dossier").then()
                .statusCode(200).body("entries.find { it.id == " + mine + " }.withdrawalReason", equalTo("重复录入"))
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(before.getList("entries").size(), after.getList("entries").size());
        org.junit.jupiter.api.Assertions.assertEquals(before.getInt("entriesForAward") - 1, after.getInt("entriesForAward"));
        org.junit.jupiter.api.Assertions.assertEquals(before.getDouble("credits") - 2.0, after.getDouble("credits"), 1e-9);
        given().auth().oauth2(CITY).queryParam("entity", "teacher").queryParam("id", "TJ-A")
                .get("/api/v1/rotation/audit").then().statusCode(200)
                .body("items.findAll { it.action == 'dossier.entry-withdrawn' }.size()", equalTo(2));
    }
}
