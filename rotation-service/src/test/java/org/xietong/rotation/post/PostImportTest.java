package org.xietong.rotation.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A district's demand posts (点单) requested from a spreadsheet, checked row by row like requests. */
@QuarkusTest
class PostImportTest {

    // Chengde's Shuangqiao district (130802): only this class has schools there.
    private static final String SCHOOL = "1313080201";
    private static final String NEIGHBOUR_SCHOOL = "1313080301";
    private static final String IMPORT = "/api/v1/rotation/posts/import";
    private static final String OFFICER = TestTokens.user("edu-sq", "education-officer").region("130802").sign();
    private static final String HEADER = "schoolCode,subject,level,seats,mode,startDate,months,endDate,preferredTags\n";
    private static boolean schoolKnown;

    @BeforeEach
    void school() {
        if (!schoolKnown) {
            try (PairingEvents events = new PairingEvents()) {
                events.school(SCHOOL, "承德市双桥区第一中学", "130802", "JUNIOR", 40.97, 117.94);
                events.school(NEIGHBOUR_SCHOOL, "承德市双滦区实验中学", "130803", "JUNIOR", 40.96, 117.80);
            }
            PairingEvents.awaitSchools(SCHOOL, NEIGHBOUR_SCHOOL);
            schoolKnown = true;
        }
    }

    private static Response importCsv(String csv, String mode) {
        return given().auth().oauth2(OFFICER).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("mode", mode).post(IMPORT);
    }

    @Test
    void allOrNothingRequestsNothingWhenOneRowIsBadAndReportsEveryBadLine() {
        String csv = "\uFEFF" + HEADER
                + SCHOOL + ",MATH,JUNIOR,2,FULL_TIME,2027-09-01,12,,\n"
                + SCHOOL + ",MATH,JUNIOR,1,FULL_TIME,2027-09-01,12,2028-09-01,\n"
                + NEIGHBOUR_SCHOOL + ",ENGLISH,JUNIOR,1,FULL_TIME,2027-09-01,12,,\n"
                + "1313089999,PHYSICS,JUNIOR,1,FULL_TIME,2027-09-01,12,,\n";

        importCsv(csv, "ALL_OR_NOTHING").then().statusCode(422).contentType("application/problem+json")
                .body("report.rejected", equalTo(3)).body("report.errors.line", contains(3, 4, 5))
                .body("report.errors[0].reason", containsString("months or as an end date"))
                .body("report.errors[1].reason", containsString("outside your scope"))
                .body("report.errors[2].reason", containsString("not in the registry"));
        given().auth().oauth2(OFFICER).queryParam("school", SCHOOL).get("/api/v1/rotation/posts")
                .then().statusCode(200).body("items.findAll { it.subject == 'MATH' }.size()", equalTo(0));
    }

    @Test
    void aFileImportedTwiceRequestsEachPostOnce() {
        String csv = HEADER
                + SCHOOL + ",CHINESE,JUNIOR,2,FULL_TIME,2028-09-01,12,,阅读;写作\n"
                + SCHOOL + ",CHINESE,JUNIOR,1,FULL_TIME,2028-09-01,,2029-07-15,\n"
                + SCHOOL + ",PE,JUNIOR,1,PART_TIME,2028-09-01,6,,\n";

        importCsv(csv, "per-row").then().statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(3)).body("errors[0].reason", containsString("first on line 2"));
        importCsv(csv, "per-row").then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2));
        given().auth().oauth2(OFFICER).queryParam("school", SCHOOL).get("/api/v1/rotation/posts")
                .then().statusCode(200).body("items.findAll { it.subject == 'CHINESE' || it.subject == 'PE' }.size()",
                        equalTo(2));
    }
}
