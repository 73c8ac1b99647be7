package org.xietong.healthcare.institution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsInAnyOrder;

/** A county's institutions loaded from a spreadsheet, checked row by row like registrations. */
@QuarkusTest
class InstitutionImportTest {

    private static final String IMPORT = "/api/v1/healthcare/institutions/import";
    // Xiajin (371427): only this class registers institutions there.
    private static final String XIAJIN = TestTokens.user("health-xj", "health-officer").region("371427").sign();
    private static final String HEADER = "code,name,regionCode,level,type,capabilities,latitude,longitude\n";

    private static Response importCsv(String csv, String mode) {
        return given().auth().oauth2(XIAJIN).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("mode", mode).post(IMPORT);
    }

    @Test
    void allOrNothingStoresNothingWhenOneRowIsBadAndReportsEveryBadLine() {
        String csv = "\uFEFF" + HEADER
                + "H3714270001,夏津县人民医院,371427,TWO_A,GENERAL,REMOTE_CONSULTATION,36.95,116.00\n"
                + "H3714270002,夏津县中医院,371427,THREE_Z,TCM,,,\n"
                + "H3714270003,德州市立医院,371402,THREE_A,GENERAL,,,\n"
                + "h-bad,代码不合规,371427,,,,,\n";

        importCsv(csv, "ALL_OR_NOTHING").then().statusCode(422).contentType("application/problem+json")
                .body("report.committed", equalTo(false)).body("report.rejected", equalTo(3))
                .body("report.errors.line", contains(3, 4, 5))
                .body("report.errors[0].reason", containsString("THREE_Z"))
                .body("report.errors[1].reason", containsString("outside your scope"))
                .body("report.errors[2].reason", containsString("code"));
        given().auth().oauth2(XIAJIN).get("/api/v1/healthcare/institutions/H3714270001").then().statusCode(404);
    }

    @Test
    void perRowStoresTheGoodRowsAndUpsertsByCode() {
        String csv = HEADER
                + "H3714270011,夏津县妇幼保健院,371427,TWO_A,SPECIALTY,,36.94,116.01\n"
                + "H3714270012,夏津县长期护理评估中心,371427,UNRATED,GENERAL,LTC_ASSESSOR;REMOTE_CONSULTATION,,\n"
                + "H3714270011,重复的代码,371427,,,,,\n";
        importCsv(csv, "per-row").then().statusCode(200)
                .body("committed", equalTo(true)).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(4)).body("errors[0].reason", containsString("first on line 2"));

        String again = HEADER
                + "H3714270011,夏津县妇幼保健院,371427,TWO_A,SPECIALTY,,36.94,116.01\n"
                + "H3714270012,夏津县长期护理保险评估中心,371427,UNRATED,GENERAL,LTC_ASSESSOR,,\n";
        importCsv(again, "ALL_OR_NOTHING").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        given().auth().oauth2(XIAJIN).get("/api/v1/healthcare/institutions/H3714270012").then().statusCode(200)
                .body("name", equalTo("夏津县长期护理保险评估中心"))
                .body("capabilities", containsInAnyOrder("LTC_ASSESSOR"));
    }
}
