package org.xietong.pairing.alliance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * School districts (学区): the schools of one county-level region managed together, each school in one district,
 * counted by coverage's 学区制 figure. Schools 11110579xx of Dongcheng (110101) and Xicheng (110102).
 */
@QuarkusTest
class SchoolDistrictResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String DONGCHENG = TestTokens.user("edu-dongcheng", "education-officer").region("110101").sign();

    @Test
    void aSchoolDistrictHoldsSchoolsOfItsRegionOnly() {
        school("1111057901", "110101", "PRIMARY");
        school("1111057902", "110102", "PRIMARY");

        form("东城区学区一", "1111057901", List.of("1111057902")).then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body("东城区学区一", "1111057901", List.of("1111057902")))
                .post("/api/v1/pairing/alliances").then().statusCode(422)
                .body("detail", containsString("holds schools of 110101 only"));
    }

    @Test
    void aSchoolSitsInOneSchoolDistrict() {
        school("1111057903", "110101", "PRIMARY");
        school("1111057904", "110101", "JUNIOR");
        school("1111057905", "110101", "PRIMARY");
        String first = form("东直门学区", "1111057903", List.of("1111057904")).then().statusCode(201)
                .body("kind", equalTo("SCHOOL_DISTRICT")).extract().path("id");
        String second = form("和平里学区", "1111057905", List.of()).then().statusCode(201).extract().path("id");

        given().auth().oauth2(DONGCHENG).contentType(ContentType.JSON).body(Map.of("school", "1111057904"))
                .post("/api/v1/pairing/alliances/" + second + "/members").then().statusCode(409)
                .body("detail", containsString("already in school district 东直门学区 (" + first + ")"));
    }

    @Test
    void aSchoolMayBeInASchoolDistrictAndAnEducationGroup() {
        school("1111057906", "110101", "PRIMARY");
        school("1111057907", "110101", "PRIMARY");
        form("北新桥学区", "1111057906", List.of("1111057907")).then().statusCode(201);

        given().auth().oauth2(DONGCHENG).contentType(ContentType.JSON)
                .body(Map.of("name", "史家教育集团", "leadSchool", "1111057906", "members", List.of("1111057907")))
                .post("/api/v1/pairing/alliances").then().statusCode(201).body("kind", equalTo("EDUCATION_GROUP"));
    }

    @Test
    void schoolDistrictsAreListedByKindAndCountedInCoverage() {
        school("1111057908", "110101", "NINE_YEAR");
        school("1111057909", "110101", "SPECIAL_EDUCATION");
        String id = form("景山学区", "1111057908", List.of("1111057909")).then().statusCode(201).extract().path("id");

        given().auth().oauth2(DONGCHENG).get("/api/v1/pairing/alliances?kind=SCHOOL_DISTRICT&size=200").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.kind", everyItem(equalTo("SCHOOL_DISTRICT")));
        given().auth().oauth2(DONGCHENG).get("/api/v1/pairing/coverage?region=110101").then().statusCode(200)
                .body("schoolDistrictSchools", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    /** An unknown kind was a 404 (JAX-RS could not convert it), which the contract does not declare for a listing. */
    @Test
    void anUnknownKindIsABadRequest() {
        given().auth().oauth2(DONGCHENG).get("/api/v1/pairing/alliances?kind=学区").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void school(String code, String region, String level) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(SchoolFixtures.school(code, "学校" + code.substring(6), region, "URBAN", level))
                .post("/api/v1/pairing/schools").then().statusCode(201);
    }

    private static Response form(String name, String lead, List<String> members) {
        return given().auth().oauth2(DONGCHENG).contentType(ContentType.JSON).body(body(name, lead, members))
                .post("/api/v1/pairing/alliances");
    }

    private static Map<String, Object> body(String name, String lead, List<String> members) {
        return Map.of("name", name, "kind", "SCHOOL_DISTRICT", "leadSchool", lead, "members", members);
    }
}
