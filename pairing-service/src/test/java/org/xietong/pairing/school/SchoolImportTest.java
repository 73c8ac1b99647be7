package org.xietong.pairing.school;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SchoolImportTest {

    private static final String IMPORT = "/api/v1/pairing/schools/import";
    private static final String SHUNYI = TestTokens.user("edu-shunyi", "education-officer").region("110113").sign();
    private static final String HEADER = "code,name,regionCode,locationType,level,latitude,longitude,studentCount,qualityResource\n";

    @Inject
    EntityManager em;

    @Test
    void allOrNothingStoresNothingWhenOneRowIsBadAndReportsEveryBadLine() {
        String csv = "\uFEFF" + HEADER
                + "1111011301,顺义区北务中学,110113,TOWNSHIP,JUNIOR,40.16,116.79,620,false\n"
                + "111101130,九位代码学校,110113,TOWNSHIP,JUNIOR,,,,\n"
                + "1111011303,\"顺义区第十二中学, 分校\",110113,CITY,JUNIOR,,,,\n"
                + "1111011304,越权学校,110105,URBAN,PRIMARY,,,,\n";
        importCsv(csv, "ALL_OR_NOTHING").then().statusCode(422).contentType("application/problem+json")
                .body("report.committed", equalTo(false))
                .body("report.rejected", equalTo(3))
                .body("report.errors.line", contains(3, 4, 5))
                .body("report.errors[0].reason", containsString("code"))
                .body("report.errors[1].reason", containsString("CITY"))
                .body("report.errors[2].reason", containsString("outside your scope"));
        assertEquals(0L, count("SELECT count(*) FROM school WHERE region_code = '110113'"));
    }

    @Test
    void perRowStoresTheGoodRowsAndUpsertsByCode() {
        String csv = HEADER
                + "1111011311,顺义区第十二中学,110113,TOWNSHIP,JUNIOR,,,800,false\n"
                + "1111011312,北京第二中学分校,110113,URBAN,JUNIOR,40.13,116.65,1500,true\n"
                + "1111011311,重复的代码,110113,TOWNSHIP,JUNIOR,,,,\n"
                + "1111011313,坐标不全,110113,RURAL,PRIMARY,40.1,,,\n"
                + "1111011314,顺义区牛栏山一中, 分校,110113,URBAN,SENIOR,,,,\n"
                + "\n"
                + "1111011315,末行无换行,110113,RURAL,PRIMARY,,,,";
        importCsv(csv, "per-row").then().statusCode(200)
                .body("committed", equalTo(true)).body("created", equalTo(3)).body("rejected", equalTo(3))
                .body("errors.line", contains(4, 5, 6))
                .body("errors[2].reason", containsString("fields"))
                .body("errors[0].reason", containsString("first on line 2"))
                .body("errors[1].reason", containsString("latitude and longitude"));

        String again = HEADER
                + "1111011311,顺义区第十二中学,110113,TOWNSHIP,JUNIOR,,,820,false\n"
                + "1111011312,北京第二中学分校,110113,URBAN,JUNIOR,40.13,116.65,1500,true\n";
        importCsv(again, "ALL_OR_NOTHING").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        assertEquals(3L, count("SELECT count(*) FROM outbox_event WHERE subject IN ('1111011311', '1111011312')"),
                "two registrations and one real update are published");

        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/schools?type=URBAN&region=110113")
                .then().statusCode(200).body("items.code", contains("1111011312"))
                .body("items[0].qualityResource", equalTo(true)).body("items[0].compulsory", equalTo(true));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/schools?name=十二中")
                .then().statusCode(200).body("items.code", contains("1111011311"));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/schools?region=1101&name=%25")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/schools?region=110105")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/schools?type=CITY").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/schools/1111011315").then().statusCode(200);
        importCsv(HEADER + "1111011316,x,110113,RURAL,PRIMARY,,,,\n", "sometimes").then().statusCode(400);
    }

    @Test
    void fiveThousandRowsImportInOneGo() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            csv.append(String.format("21507%05d,呼伦贝尔市第%d学校,1507%02d,%s,%s,,,%d,false%n", i, i, 1 + i % 84,
                    i % 3 == 0 ? "URBAN" : i % 3 == 1 ? "TOWNSHIP" : "RURAL", i % 2 == 0 ? "PRIMARY" : "JUNIOR", 100 + i));
        }
        String officer = TestTokens.user("edu-hulunbuir", "education-officer").region("150700").sign();
        given().auth().oauth2(officer).contentType("text/csv; charset=UTF-8")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8)).post(IMPORT)
                .then().statusCode(200).body("created", equalTo(5000)).body("rejected", equalTo(0));
        assertEquals(5000L, count("SELECT count(*) FROM school WHERE code LIKE '21507%'"));
    }

    @Test
    void malformedFilesAreProblems() {
        importCsv("code,name,regionCode\n1111011399,x,110113\n", "ALL_OR_NOTHING").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("locationType"));
        importCsv(HEADER.replace("level", "grade"), "ALL_OR_NOTHING").then().statusCode(400)
                .body("detail", containsString("grade"));
        importCsv("", "ALL_OR_NOTHING").then().statusCode(400);
        String teacher = TestTokens.user("teacher-demo", "teacher").region("110113").sign();
        given().auth().oauth2(teacher).contentType("text/csv").body(HEADER).post(IMPORT).then().statusCode(403);
    }

    private static io.restassured.response.Response importCsv(String csv, String mode) {
        return given().auth().oauth2(SHUNYI).contentType("text/csv; charset=UTF-8").queryParam("mode", mode)
                .body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORT);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
