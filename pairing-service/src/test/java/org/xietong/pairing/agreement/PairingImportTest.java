package org.xietong.pairing.agreement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A district's 手拉手 pairs proposed from a spreadsheet, each row checked as a proposal would be. */
@QuarkusTest
class PairingImportTest {

    private static final String IMPORT = "/api/v1/pairing/pairings/import";
    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    // Dongcheng (110101) supports Yanqing (110119) here: only this class pairs their schools.
    private static final String DONGCHENG = TestTokens.user("edu-dongcheng", "education-officer").region("110101").sign();
    private static final String HEADER = "kind,supportingParty,supportedParty,termStart,termEnd,goals\n";

    @BeforeEach
    void schools() {
        school("1111018801", "北京市第二中学", "110101", "URBAN", "JUNIOR");
        school("1111018802", "北京市第五中学", "110101", "URBAN", "JUNIOR");
        school("1111198801", "延庆区康庄中学", "110119", "TOWNSHIP", "JUNIOR");
        school("1111198802", "延庆区千家店中学", "110119", "RURAL", "JUNIOR");
        school("1111198803", "延庆区永宁中学", "110119", "TOWNSHIP", "JUNIOR");
    }

    private static void school(String code, String name, String region, String location, String level) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(SchoolFixtures.school(code, name, region, location, level)).post("/api/v1/pairing/schools");
    }

    private static Response importCsv(String csv, String mode) {
        return given().auth().oauth2(DONGCHENG).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("mode", mode).post(IMPORT);
    }

    @Test
    void allOrNothingProposesNothingWhenOneRowBreaksARule() {
        String csv = "\uFEFF" + HEADER
                + "HAND_IN_HAND,1111018801,1111198801,2027-09-01,2030-08-31,教师实训\n"
                + "HAND_IN_HAND,1111198802,1111198803,,,\n"
                + "HAND_IN_HAND,1111018801,1111198899,,,\n"
                + "HAND_IN_HAND,1111018801,1111198802,2027-09-01,2026-08-31,\n";

        importCsv(csv, "ALL_OR_NOTHING").then().statusCode(422).contentType("application/problem+json")
                .body("report.rejected", equalTo(3)).body("report.errors.line", contains(3, 4, 5))
                .body("report.errors[0].reason", containsString("110119"))
                .body("report.errors[1].reason", containsString("1111198899"));
        given().auth().oauth2(DONGCHENG).queryParam("party", "1111198801").get("/api/v1/pairing/pairings")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aFileImportedTwiceProposesEachPairOnce() {
        String csv = HEADER
                + "HAND_IN_HAND,1111018802,1111198802,,,联合研学\n"
                + "HAND_IN_HAND,1111018802,1111198803,,,\n"
                + "HAND_IN_HAND,1111198803,1111018802,,,\n";

        importCsv(csv, "per-row").then().statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(4)).body("errors[0].reason", containsString("first on line 3"));
        importCsv(HEADER + "HAND_IN_HAND,1111018802,1111198802,,,联合研学\n", "ALL_OR_NOTHING").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(1));
        given().auth().oauth2(DONGCHENG).queryParam("party", "1111018802").get("/api/v1/pairing/pairings")
                .then().statusCode(200).body("total", equalTo(2)).body("items.status", contains("PROPOSED", "PROPOSED"));
    }
}
