package org.xietong.pairing.alliance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Beijing No. 13 Middle School's four-school alliance: 密云区水库中学, 房山区青龙湖中学, 昌平区第一中学天通苑校区. */
@QuarkusTest
class AllianceResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String XICHENG = TestTokens.user("edu-xicheng", "education-officer").region("110102").sign();
    private static final String MIYUN = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
    private static final String SHUNYI = TestTokens.user("edu-shunyi", "education-officer").region("110113").sign();
    private static final String BEIJING = TestTokens.user("edu-beijing", "education-officer").region("110000").sign();

    @Test
    void theFourSchoolAllianceAndItsIntegrations() {
        school("1111027701", "北京市第十三中学", "110102", "URBAN");
        school("1111087702", "密云区水库中学", "110118", "RURAL");
        school("1111117703", "房山区青龙湖中学", "110111", "TOWNSHIP");
        school("1111147704", "昌平区第一中学天通苑校区", "110114", "URBAN");

        given().auth().oauth2(MIYUN).contentType(ContentType.JSON)
                .body(Map.of("name", "十三中四校联盟", "leadSchool", "1111027701", "members", List.of("1111087702")))
                .post("/api/v1/pairing/alliances").then().statusCode(403);
        // A district officer cannot enrol other districts' schools; the municipal officer can.
        given().auth().oauth2(XICHENG).contentType(ContentType.JSON)
                .body(Map.of("name", "十三中四校联盟", "leadSchool", "1111027701", "members", List.of("1111087702")))
                .post("/api/v1/pairing/alliances").then().statusCode(403);
        String id = given().auth().oauth2(BEIJING).contentType(ContentType.JSON)
                .body(Map.of("name", "北京市第十三中学四校联盟", "leadSchool", "1111027701",
                        "members", List.of("1111087702", "1111117703", "1111147704")))
                .post("/api/v1/pairing/alliances").then().statusCode(201)
                .body("members.role", contains("LEAD", "MEMBER", "MEMBER", "MEMBER"))
                .body("integrations.TEACHING_RESEARCH.status", equalTo("NOT_STARTED"))
                .extract().path("id");

        given().auth().oauth2(MIYUN).get("/api/v1/pairing/alliances").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/alliances").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/alliances/" + id).then().statusCode(404);

        String etag = given().auth().oauth2(XICHENG).get("/api/v1/pairing/alliances/" + id).then().extract().header("ETag");
        given().auth().oauth2(XICHENG).contentType(ContentType.JSON).body(Map.of("status", "ESTABLISHED"))
                .put("/api/v1/pairing/alliances/" + id + "/integrations/TEACHING_RESEARCH").then().statusCode(428);
        given().auth().oauth2(XICHENG).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "ESTABLISHED", "notes", "四校联合教研，每月一次"))
                .put("/api/v1/pairing/alliances/" + id + "/integrations/TEACHING_RESEARCH").then().statusCode(200)
                .body("integrations.TEACHING_RESEARCH.status", equalTo("ESTABLISHED"));
        given().auth().oauth2(MIYUN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "IN_PROGRESS")).put("/api/v1/pairing/alliances/" + id + "/integrations/STAFF")
                .then().statusCode(403);
        given().auth().oauth2(XICHENG).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "IN_PROGRESS")).put("/api/v1/pairing/alliances/" + id + "/integrations/SPORTS")
                .then().statusCode(400);

        given().auth().oauth2(XICHENG).delete("/api/v1/pairing/alliances/" + id + "/members/1111027701").then().statusCode(422);
        given().auth().oauth2(XICHENG).delete("/api/v1/pairing/alliances/" + id + "/members/1111147704").then().statusCode(200);
        given().auth().oauth2(XICHENG).contentType(ContentType.JSON).body(Map.of("school", "1111087702"))
                .post("/api/v1/pairing/alliances/" + id + "/members").then().statusCode(409);

        given().auth().oauth2(ADMIN).get("/api/v1/pairing/coverage?region=110000").then().statusCode(200)
                .body("districts.find { it.regionCode == '110118' }.groupedSchools", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    private static void school(String code, String name, String region, String location) {
        SchoolFixtures.register(ADMIN, code, name, region, location).then().statusCode(201);
    }
}
