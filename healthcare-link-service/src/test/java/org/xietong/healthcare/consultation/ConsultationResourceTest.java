package org.xietong.healthcare.consultation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.healthcare.institution.Capability;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.API;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.consortium;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.institution;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.join;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.officer;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.staff;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.with;

@QuarkusTest
class ConsultationResourceTest {

    @Inject
    AdjustableConsultationClock clock;

    private final String dezhou = officer("371400");
    private final String tianjin = officer("120000");
    private String requester;
    private String centre;
    private String plainMember;
    private long network;
    private String requesterDesk;
    private String centreDesk;

    @BeforeEach
    void network() {
        requester = institution("371402", "德州市立医院");
        centre = institution("120101", "天津市远程会诊中心", Capability.REMOTE_CONSULTATION);
        plainMember = institution("120102", "天津市河东区医院");
        network = consortium(tianjin, "REMOTE_NETWORK", centre);
        join(tianjin, network, requester);
        join(tianjin, network, plainMember);
        requesterDesk = staff("371402", requester);
        centreDesk = staff("120101", centre);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aConsultationRunsFromRequestToReport() {
        long id = request(Map.of());
        Map<String, Object> created = given().auth().oauth2(centreDesk).get(API + "/consultations/" + id)
                .then().statusCode(200).body("status", equalTo("REQUESTED")).extract().jsonPath().getMap("$");
        assertEquals(Duration.ofHours(48), Duration.between(Instant.parse((String) created.get("requestedAt")),
                Instant.parse((String) created.get("deadline"))));

        // Only the consulting institution moves it on, and only along the state machine.
        given().auth().oauth2(requesterDesk).post(API + "/consultations/" + id + "/accept").then().statusCode(403);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("scheduledAt", future(1)))
                .post(API + "/consultations/" + id + "/schedule").then().statusCode(409)
                .body("type", containsString("illegal-transition"));
        String etag = given().auth().oauth2(centreDesk).post(API + "/consultations/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().header("ETag");
        given().auth().oauth2(centreDesk).post(API + "/consultations/" + id + "/accept").then().statusCode(409);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON)
                .body(Map.of("scheduledAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString()))
                .post(API + "/consultations/" + id + "/schedule").then().statusCode(422);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("scheduledAt", future(1))).post(API + "/consultations/" + id + "/schedule")
                .then().statusCode(412);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("scheduledAt", future(1))).post(API + "/consultations/" + id + "/schedule")
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("reason", "too late"))
                .post(API + "/consultations/" + id + "/decline").then().statusCode(409);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("report", "建议行冠脉造影。"))
                .post(API + "/consultations/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("report", equalTo("建议行冠脉造影。"));
        given().auth().oauth2(requesterDesk).get(API + "/consultations/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("report", "again"))
                .post(API + "/consultations/" + id + "/complete").then().statusCode(409);
    }

    @Test
    void aDeclinedConsultationIsClosed() {
        long id = request(Map.of());
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post(API + "/consultations/" + id + "/decline").then().statusCode(400);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("reason", "本专科暂无值班专家"))
                .post(API + "/consultations/" + id + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("本专科暂无值班专家"));
        given().auth().oauth2(centreDesk).post(API + "/consultations/" + id + "/accept").then().statusCode(409);
    }

    @Test
    void theRequesterCancelsAScheduledConsultationAndTheConsultantIsTold() {
        long id = request(Map.of());
        given().auth().oauth2(centreDesk).post(API + "/consultations/" + id + "/accept").then().statusCode(200);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("scheduledAt", future(1)))
                .post(API + "/consultations/" + id + "/schedule").then().statusCode(200);

        given().auth().oauth2(requesterDesk).contentType(ContentType.JSON).body(Map.of("reason", "患者已转上级医院"))
                .post(API + "/consultations/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("患者已转上级医院"));

        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("report", "已取消"))
                .post(API + "/consultations/" + id + "/complete").then().statusCode(409);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(tianjin).queryParam("limit", 500).queryParam("subject", id)
                                .get(API + "/exchange/events").then()
                        .statusCode(200).body("events.find { it.subject == '" + id + "' && it.type == "
                                + "'org.xietong.healthcare.consultation.cancelled.v1' }.data.consultantCode", equalTo(centre))
                        .body("events.find { it.subject == '" + id + "' && it.type == "
                                + "'org.xietong.healthcare.consultation.cancelled.v1' }.data.toString()",
                                not(containsString("患者"))));
    }

    @Test
    void eachStepReachesBothRegionsWithoutTheQuestionOrTheReport() {
        long id = request(Map.of());
        given().auth().oauth2(centreDesk).post(API + "/consultations/" + id + "/accept").then().statusCode(200);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("scheduledAt", future(2)))
                .post(API + "/consultations/" + id + "/schedule").then().statusCode(200);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("report", "建议转诊：肾内科随访"))
                .post(API + "/consultations/" + id + "/complete").then().statusCode(200);

        for (String region : List.of(dezhou, tianjin)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(region).queryParam("subject", id)
                            .queryParam("types", "org.xietong.healthcare.consultation.*")
                            .get(API + "/exchange/events").then().statusCode(200)
                            .body("events.type", equalTo(List.of("org.xietong.healthcare.consultation.requested.v1",
                                    "org.xietong.healthcare.consultation.accepted.v1",
                                    "org.xietong.healthcare.consultation.scheduled.v1",
                                    "org.xietong.healthcare.consultation.completed.v1")))
                            .body("events.data.status", equalTo(List.of("REQUESTED", "ACCEPTED", "SCHEDULED", "COMPLETED")))
                            .body("events.data.toString()", not(containsString("肾内科")))
                            .body("events.data.toString()", not(containsString("胸痛")))
                            .body("events.data.toString()", not(containsString("DZ-2026-0001"))));
        }
    }

    @Test
    void onlyTheRequesterCancelsAConsultation() {
        long id = request(Map.of());

        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("reason", "不想做"))
                .post(API + "/consultations/" + id + "/cancel").then().statusCode(403);
    }

    @Test
    void overdueListsOpenConsultationsPastTheirSlaInTheCallersScope() {
        long urgent = request(Map.of("urgency", "URGENT"));
        long routine = request(Map.of());
        long done = request(Map.of("urgency", "URGENT"));
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("reason", "duplicate"))
                .post(API + "/consultations/" + done + "/decline").then().statusCode(200);
        given().auth().oauth2(dezhou).queryParam("size", 200).get(API + "/consultations/overdue").then()
                .statusCode(200).body("items.id", not(hasItem((int) urgent)));

        clock.advance(Duration.ofHours(3));

        for (String token : new String[] {dezhou, requesterDesk, centreDesk, tianjin}) {
            given().auth().oauth2(token).queryParam("size", 200).get(API + "/consultations/overdue").then()
                    .statusCode(200).body("items.id", hasItem((int) urgent))
                    .body("items.id", not(hasItem((int) routine))).body("items.id", not(hasItem((int) done)));
        }
        given().auth().oauth2(officer("371481")).queryParam("size", 200).get(API + "/consultations/overdue").then()
                .statusCode(200).body("items.id", not(hasItem((int) urgent)));
        given().auth().oauth2(staff("120102", plainMember)).queryParam("size", 200).get(API + "/consultations/overdue")
                .then().statusCode(200).body("items.id", not(hasItem((int) urgent)));
        given().auth().oauth2(dezhou).get(API + "/consultations/" + urgent).then().body("overdue", equalTo(true));

        clock.advance(Duration.ofHours(48));
        given().auth().oauth2(dezhou).queryParam("size", 200).get(API + "/consultations/overdue").then()
                .body("items.id", hasItem((int) routine));
        given().auth().oauth2(centreDesk).post(API + "/consultations/" + urgent + "/accept").then().statusCode(200);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("scheduledAt", future(60)))
                .post(API + "/consultations/" + urgent + "/schedule").then().statusCode(200);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("report", "会诊意见"))
                .post(API + "/consultations/" + urgent + "/complete").then().statusCode(200);
        given().auth().oauth2(dezhou).queryParam("size", 200).get(API + "/consultations/overdue").then()
                .body("items.id", not(hasItem((int) urgent)));
    }

    @Test
    void onlyMembersAndNodesTakePart() {
        given().auth().oauth2(requesterDesk).contentType(ContentType.JSON)
                .body(with(body(), "consultantCode", plainMember)).post(API + "/consultations")
                .then().statusCode(422).body("type", containsString("not-a-consultation-node"));
        String outsider = institution("120103", "天津市外部医院", Capability.REMOTE_CONSULTATION);
        given().auth().oauth2(requesterDesk).contentType(ContentType.JSON)
                .body(with(body(), "consultantCode", outsider)).post(API + "/consultations")
                .then().statusCode(422).body("type", containsString("not-a-member"));
        given().auth().oauth2(requesterDesk).contentType(ContentType.JSON)
                .body(with(body(), "consortiumId", 999_999_999)).post(API + "/consultations").then().statusCode(422);
        given().auth().oauth2(requesterDesk).contentType(ContentType.JSON)
                .body(with(body(), "consultantCode", "C120101999999")).post(API + "/consultations")
                .then().statusCode(422).body("type", containsString("unknown-institution"));
        // Another institution's staff, and officers, do not request on the requester's behalf.
        given().auth().oauth2(staff("120102", plainMember)).contentType(ContentType.JSON).body(body())
                .post(API + "/consultations").then().statusCode(403);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(body())
                .post(API + "/consultations").then().statusCode(403);
    }

    @Test
    void otherRegionsAndInstitutionsCannotSeeIt() {
        long id = request(Map.of());
        given().auth().oauth2(officer("371481")).get(API + "/consultations/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(staff("120102", plainMember)).get(API + "/consultations/" + id).then().statusCode(404);
        given().auth().oauth2(staff("120102", plainMember)).post(API + "/consultations/" + id + "/accept")
                .then().statusCode(404);
        given().auth().oauth2(officer("371481")).queryParam("size", 200).get(API + "/consultations").then()
                .statusCode(200).body("items.id", not(hasItem((int) id)));
        given().auth().oauth2(dezhou).queryParam("institution", requester).get(API + "/consultations").then()
                .statusCode(200).body("items.id", hasItem((int) id));
        // An officer reads but does not act for the consulting institution.
        given().auth().oauth2(tianjin).post(API + "/consultations/" + id + "/accept").then().statusCode(403);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("an unknown urgency", t -> with(t.body(), "urgency", "SOON")),
                invalid("the requester consulting itself", t -> with(t.body(), "consultantCode", t.requester)),
                invalid("a malformed requester code", t -> with(t.body(), "requesterCode", "c-1")),
                invalid("an empty question", t -> with(t.body(), "question", "")),
                invalid("a resident ID as patientRef", t -> with(t.body(), "patientRef", "37140219800101123X")),
                invalid("a consortium id that is not a number", t -> with(t.body(), "consortiumId", "abc")));
    }

    private static Arguments invalid(String refused, Function<ConsultationResourceTest, Map<String, Object>> body) {
        return Arguments.of(refused, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidRequestIsAProblem(String refused, Function<ConsultationResourceTest, Map<String, Object>> body) {
        given().auth().oauth2(requesterDesk).contentType(ContentType.JSON).body(body.apply(this))
                .post(API + "/consultations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        long id = request(Map.of());
        given().auth().oauth2(centreDesk).post(API + "/consultations/" + id + "/accept").then().statusCode(200);
        given().auth().oauth2(centreDesk).contentType(ContentType.JSON).body(Map.of("scheduledAt", "tomorrow"))
                .post(API + "/consultations/" + id + "/schedule").then().statusCode(400);
        given().auth().oauth2(dezhou).queryParam("status", "LOST").get(API + "/consultations").then().statusCode(400);
    }

    private Map<String, Object> body() {
        return Map.of("consortiumId", network, "requesterCode", requester, "consultantCode", centre,
                "specialty", "心血管内科", "urgency", "ROUTINE", "question", "胸痛待查，请会诊。", "patientRef", "DZ-2026-0001");
    }

    private long request(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(body());
        body.putAll(overrides);
        return given().auth().oauth2(requesterDesk).contentType(ContentType.JSON).body(body).post(API + "/consultations")
                .then().statusCode(201).body("status", equalTo("REQUESTED")).extract().jsonPath().getLong("id");
    }

    private String future(int hours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(Duration.ofHours(hours))
                .plus(Duration.between(Instant.now(), clock.now())).toString();
    }
}
