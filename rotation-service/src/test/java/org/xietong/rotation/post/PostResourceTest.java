package org.xietong.rotation.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.xietong.rotation.fixtures.PostFixtures.dispatch;
import static org.xietong.rotation.fixtures.PostFixtures.post;
import static org.xietong.rotation.fixtures.PostFixtures.request;
import static org.xietong.rotation.fixtures.PostFixtures.with;

@QuarkusTest
class PostResourceTest {

    // Tangshan (130200): only this class uses it.
    private static final String SCHOOL = "1313020301";
    private static final String OFFICER = TestTokens.user("edu-ts", "education-officer").region("130200").sign();
    private static final String SCHOOL_ADMIN = TestTokens.user("ts-admin", "school-admin").region("130203").school(SCHOOL).sign();
    private static final String STRANGER = TestTokens.user("edu-hd", "education-officer").region("130400").sign();
    private static boolean schoolKnown;

    @BeforeEach
    void school() {
        if (!schoolKnown) {
            try (PairingEvents events = new PairingEvents()) {
                events.school(SCHOOL, "唐山市第十二中学", "130203", "JUNIOR", 39.63, 118.18);
            }
            PairingEvents.awaitSchools(SCHOOL);
            schoolKnown = true;
        }
    }

    @Test
    void aSchoolRequestsAndTheDistrictOfficerDispatches() {
        long id = request(SCHOOL_ADMIN, with(post(SCHOOL), "seats", 3, "preferredTags", java.util.List.of("阅读推广")));
        given().auth().oauth2(SCHOOL_ADMIN).get("/api/v1/rotation/posts/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("openSeats", equalTo(3));
        given().auth().oauth2(STRANGER).get("/api/v1/rotation/posts/" + id).then().statusCode(404);
        given().auth().oauth2(SCHOOL_ADMIN).post("/api/v1/rotation/posts/" + id + "/dispatch").then().statusCode(403)
                .contentType("application/problem+json");
        dispatch(OFFICER, id);
        given().auth().oauth2(STRANGER).get("/api/v1/rotation/posts/" + id).then().statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("dispatchedBy", equalTo("edu-ts"));
        given().auth().oauth2(OFFICER).post("/api/v1/rotation/posts/" + id + "/dispatch").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("region", "1302").queryParam("status", "DISPATCHED")
                .get("/api/v1/rotation/posts").then().statusCode(200).body("items.id", hasItem((int) id));
        given().auth().oauth2(OFFICER).queryParam("region", "130200").get("/api/v1/rotation/supply-demand").then()
                .statusCode(200).body("rows.find { it.subject == 'MATH' && it.level == 'JUNIOR' }.openSeats", equalTo(3));
        given().auth().oauth2(SCHOOL_ADMIN).post("/api/v1/rotation/posts/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(STRANGER).queryParam("region", "1302").get("/api/v1/rotation/posts").then()
                .statusCode(200).body("items.id", not(hasItem((int) id)));
    }

    @Test
    void aPageBeyondWhatAnOffsetCanAddressIsEmpty() {
        given().auth().oauth2(OFFICER).queryParam("page", Integer.MAX_VALUE).queryParam("size", 200)
                .get("/api/v1/rotation/posts").then().statusCode(200)
                .body("items", empty()).body("page", equalTo(Integer.MAX_VALUE));
    }

    static Stream<Arguments> badPosts() {
        Map<String, Object> base = post(SCHOOL);
        return Stream.of(
                Arguments.of(Named.of("no seats", with(base, "seats", 0))),
                Arguments.of(Named.of("negative seats", with(base, "seats", -3))),
                Arguments.of(Named.of("an unknown subject", with(base, "subject", "ASTROLOGY"))),
                Arguments.of(Named.of("an end date instead of months", with(base, "months", null, "endDate", "2025-08-01"))),
                Arguments.of(Named.of("no months", with(base, "months", null))),
                Arguments.of(Named.of("zero months", with(base, "months", 0))),
                Arguments.of(Named.of("a team aid of one seat", with(base, "mode", "TEAM_AID", "seats", 1))),
                Arguments.of(Named.of("a malformed school code", with(base, "schoolCode", "12ab"))),
                Arguments.of(Named.of("a start date that does not exist", with(base, "startDate", "2025-02-30"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPosts")
    void aBadPostIsRefusedWithProblemDetails(Map<String, Object> bad) {
        given().auth().oauth2(SCHOOL_ADMIN).contentType(ContentType.JSON).body(bad).post("/api/v1/rotation/posts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aPostForAnUnknownSchoolIsUnprocessable() {
        given().auth().oauth2(SCHOOL_ADMIN).contentType(ContentType.JSON).body(with(post(SCHOOL), "schoolCode", "1313029999"))
                .post("/api/v1/rotation/posts").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aPostForASchoolOutsideTheCallersScopeIsForbidden() {
        given().auth().oauth2(STRANGER).contentType(ContentType.JSON).body(post(SCHOOL))
                .post("/api/v1/rotation/posts").then().statusCode(403).contentType("application/problem+json");
    }
}
