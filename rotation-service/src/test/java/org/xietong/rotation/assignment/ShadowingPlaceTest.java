package org.xietong.rotation.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.xietong.rotation.fixtures.PostFixtures.dispatch;
import static org.xietong.rotation.fixtures.PostFixtures.post;
import static org.xietong.rotation.fixtures.PostFixtures.request;
import static org.xietong.rotation.fixtures.PostFixtures.with;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

/**
 * A cross-province agreement's shadowing places (跟岗), answered by the sending region's authority: Shanghai (310000,
 * used by no other test class) sends a Huangpu teacher to shadow at a Pudong school; Shanghai's partner system,
 * granted rotation:places, lists and answers the place for the teacher.
 */
@QuarkusTest
class ShadowingPlaceTest {

    private static final String PLACES = "/api/v1/rotation/shadowing-places";
    /** One sending school per test, so that each school's outflow cap leaves its one teacher free to go. */
    private static final List<String> SENDING = List.of("1331010101", "1331010102", "1331010103", "1331010104");   // 黄浦区
    private static final String RECEIVING = "1331011501";   // 浦东新区
    private static final String CITY = TestTokens.user("edu-sh", "education-officer").region("310000").sign();
    private static final String PUDONG = TestTokens.user("edu-pd", "education-officer").region("310115").sign();
    private static final String RECEIVING_ADMIN = TestTokens.user("pd-admin", "school-admin").region("310115")
            .school(RECEIVING).sign();
    private static final String SHANGHAI_PARTNER = TestTokens.user("service-account-partner-310000", "partner-system",
            "rotation:places").region("310000").client("partner-310000").sign();

    private static boolean ready;

    @BeforeEach
    void schools() {
        if (ready) {
            return;
        }
        try (PairingEvents events = new PairingEvents()) {
            events.school(RECEIVING, "上海市建平中学", "310115", "JUNIOR", 31.230, 121.540);
            for (String school : SENDING) {
                events.school(school, "上海市黄浦区跟岗派出学校 " + school, "310101", "JUNIOR", 31.233, 121.480)
                        .activePairing(school, RECEIVING);
            }
        }
        PairingEvents.awaitSchools(RECEIVING);
        for (String school : SENDING) {
            PairingEvents.awaitSchools(school);
            PairingEvents.awaitLink(school, RECEIVING);
        }
        ready = true;
    }

    /** A teacher of the n-th sending school offered a shadowing place by a committed run; the place's id. */
    private static String offeredPlace(int n) {
        register(CITY, with(teacher("SH-" + n, "周老师", SENDING.get(n)), "joinedSchoolOn", "2012-09-01"));
        long post = request(RECEIVING_ADMIN, with(post(RECEIVING), "mode", "SHADOWING", "months", 3));
        dispatch(PUDONG, post);
        return given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "310000", "cycle", 2024, "mode", "OPTIMAL", "dryRun", false,
                        "postIds", List.of(post)))
                .post("/api/v1/rotation/matching-runs").then().statusCode(201)
                .body("proposals.size()", equalTo(1)).extract().path("proposals[0].assignmentId");
    }

    @Test
    void theSendingRegionsPartnerListsAndAcceptsTheShadowingPlaceForItsTeacher() {
        String place = offeredPlace(0);

        given().auth().oauth2(SHANGHAI_PARTNER).queryParam("status", "PROPOSED").get(PLACES).then().statusCode(200)
                .body("items.id", hasItem(place)).body("items[0].fromRegion", equalTo("310101"))
                .body("items[0].name", nullValue());
        given().auth().oauth2(SHANGHAI_PARTNER).post(PLACES + "/" + place + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(CITY).get("/api/v1/rotation/assignments/" + place).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(SHANGHAI_PARTNER).post(PLACES + "/" + place + "/accept").then().statusCode(409);
    }

    @Test
    void theSendingRegionsPartnerDeclinesAPlaceWithItsReason() {
        String place = offeredPlace(1);

        given().auth().oauth2(SHANGHAI_PARTNER).contentType(ContentType.JSON).body(Map.of("reason", "教师本学期带毕业班"))
                .post(PLACES + "/" + place + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
    }

    @Test
    void anotherProvincesPartnerIsNotToldOfThePlace() {
        String place = offeredPlace(2);
        String innerMongolia = TestTokens.demoPartner("partner-150000").sign();

        given().auth().oauth2(innerMongolia).get(PLACES).then().statusCode(200).body("items.id", not(hasItem(place)));
        given().auth().oauth2(innerMongolia).post(PLACES + "/" + place + "/accept").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theReceivingDistrictDoesNotAnswerForTheTeacher() {
        String place = offeredPlace(3);

        given().auth().oauth2(PUDONG).post(PLACES + "/" + place + "/accept").then().statusCode(404);
    }

    @Test
    void aPartnerWithoutThePurposeIsRefused() {
        String insurer = TestTokens.demoPartner("partner-500000").sign();

        given().auth().oauth2(insurer).get(PLACES).then().statusCode(403).contentType("application/problem+json");
    }
}
