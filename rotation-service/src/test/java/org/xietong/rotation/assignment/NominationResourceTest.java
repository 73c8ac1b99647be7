package org.xietong.rotation.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.xietong.rotation.fixtures.PostFixtures.dispatch;
import static org.xietong.rotation.fixtures.PostFixtures.post;
import static org.xietong.rotation.fixtures.PostFixtures.request;
import static org.xietong.rotation.fixtures.PostFixtures.with;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

/**
 * Cangzhou (130900, used by no other test class) names teachers for secondment and team-aid places directly: an
 * organisational nomination, not a matching run, and not subject to the years at the school.
 */
@QuarkusTest
class NominationResourceTest {

    private static final String SENDING = "1313090201";   // 运河区
    private static final String RECEIVING = "1313090301"; // 新华区
    private static final String CITY = TestTokens.user("edu-cz", "education-officer").region("130900").sign();
    private static final String SENDING_ADMIN = TestTokens.user("cz-admin", "school-admin").region("130903")
            .school(SENDING).sign();
    private static final String STRANGER = TestTokens.user("edu-hd", "education-officer").region("130400").sign();
    private static boolean schoolsKnown;

    @BeforeEach
    void schools() {
        if (!schoolsKnown) {
            try (PairingEvents events = new PairingEvents()) {
                events.school(SENDING, "沧州市第一中学", "130903", "JUNIOR", 38.30, 116.84);
                events.school(RECEIVING, "沧州市新华中学", "130902", "JUNIOR", 38.31, 116.86);
            }
            PairingEvents.awaitSchools(SENDING, RECEIVING);
            schoolsKnown = true;
        }
    }

    private static Response nominate(String token, long teacher, long post, String slot) {
        Map<String, Object> body = slot == null ? Map.of("postId", post, "reason", "组织选派挂职锻炼")
                : Map.of("postId", post, "slot", slot, "reason", "组织选派挂职锻炼");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/rotation/teachers/" + teacher + "/nominations");
    }

    private static long dispatched(String mode, int seats) {
        long post = request(CITY, with(post(RECEIVING), "mode", mode, "seats", seats, "startDate", "2027-03-01"));
        dispatch(CITY, post);
        return post;
    }

    /** One year at the school: NOT_YET for any run, yet the city may second him. */
    @Test
    void anOfficerNamesATeacherForASecondmentWhateverHisYearsAtTheSchool() {
        long teacher = register(CITY, with(teacher("CZ-001", "郭老师", SENDING), "joinedSchoolOn", "2025-09-01",
                "cadre", true));
        long post = dispatched("SECONDMENT", 1);

        nominate(CITY, teacher, post, null).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("runId", nullValue())
                .body("mode", equalTo("SECONDMENT")).body("nominationReason", equalTo("组织选派挂职锻炼"));
        nominate(CITY, teacher, dispatched("SECONDMENT", 1), null).then().statusCode(409)
                .body("type", containsString("teacher-busy"));
        long other = register(CITY, teacher("CZ-002", "冯老师", SENDING));
        nominate(CITY, other, post, null).then().statusCode(409).body("type", containsString("post-full"));
    }

    @Test
    void aPlaceAMatchingRunFillsIsNotNominated() {
        long teacher = register(CITY, teacher("CZ-003", "陈老师", SENDING));

        nominate(CITY, teacher, dispatched("FULL_TIME", 1), null).then().statusCode(422)
                .body("type", containsString("not-a-nominated-place"));
        nominate(CITY, teacher, 999_999, null).then().statusCode(422).body("type", containsString("unknown-post"));
    }

    /** A team of two: one leader, and only a team has one. */
    @Test
    void aTeamHasOneLeader() {
        long team = dispatched("TEAM_AID", 3);
        long lead = register(CITY, with(teacher("CZ-004", "韩老师", SENDING), "cadre", true));
        long second = register(CITY, teacher("CZ-005", "杨老师", SENDING));

        nominate(CITY, lead, team, "LEADER").then().statusCode(201).body("slot", equalTo("LEADER"));
        nominate(CITY, second, team, "LEADER").then().statusCode(409).body("type", containsString("leader-taken"));
        nominate(CITY, second, team, "MEMBER").then().statusCode(201);
    }

    @Test
    void aSecondmentIsForCadres() {
        long teacher = register(CITY, teacher("CZ-007", "秦老师", SENDING));

        nominate(CITY, teacher, dispatched("SECONDMENT", 1), null).then().statusCode(422)
                .body("type", containsString("nomination-rule")).body("detail", containsString("for cadres"));
    }

    @Test
    void aTeamIsLedByACadre() {
        long teacher = register(CITY, teacher("CZ-008", "许老师", SENDING));

        nominate(CITY, teacher, dispatched("TEAM_AID", 3), "LEADER").then().statusCode(422)
                .body("detail", containsString("led by a cadre"));
    }

    @Test
    void aTeamMemberTeachesThePostsSubject() {
        long teacher = register(CITY, with(teacher("CZ-009", "何老师", SENDING), "subjects", java.util.List.of("CHINESE")));

        nominate(CITY, teacher, dispatched("TEAM_AID", 3), "MEMBER").then().statusCode(422)
                .body("detail", containsString("subject"));
    }

    @Test
    void aTeacherIsNotNominatedToTheirOwnSchool() {
        long teacher = register(CITY, with(teacher("CZ-010", "吕老师", SENDING), "cadre", true));
        long post = request(CITY, with(post(SENDING), "mode", "SECONDMENT", "seats", 1, "startDate", "2027-03-01"));
        dispatch(CITY, post);

        nominate(CITY, teacher, post, null).then().statusCode(422).body("detail", containsString("own school"));
    }

    /** Two members on a two-place team would leave no place for the leader every team has. */
    @Test
    void aTeamKeepsItsLastPlaceForItsLeader() {
        long team = dispatched("TEAM_AID", 2);
        long first = register(CITY, teacher("CZ-011", "施老师", SENDING));
        long second = register(CITY, teacher("CZ-012", "张老师", SENDING));

        nominate(CITY, first, team, "MEMBER").then().statusCode(201);
        nominate(CITY, second, team, "MEMBER").then().statusCode(409)
                .body("type", containsString("leader-place-kept"));
    }

    @Test
    void onlyAnOfficerOfTheTeachersRegionNominates() {
        long teacher = register(CITY, teacher("CZ-006", "朱老师", SENDING));
        long post = dispatched("SECONDMENT", 1);

        nominate(SENDING_ADMIN, teacher, post, null).then().statusCode(403).contentType("application/problem+json");
        nominate(STRANGER, teacher, post, null).then().statusCode(404).contentType("application/problem+json");
    }
}
