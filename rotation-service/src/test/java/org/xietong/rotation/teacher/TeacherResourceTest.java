package org.xietong.rotation.teacher;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.residentId;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

@QuarkusTest
class TeacherResourceTest {

    // Shijiazhuang (130100) schools: no other test class uses them.
    private static final String SCHOOL_A = "1313010201";
    private static final String SCHOOL_B = "1313010202";
    private static final String OFFICER = TestTokens.user("edu-sjz", "education-officer").region("130100").sign();
    private static final String SCHOOL_ADMIN = TestTokens.user("admin-a", "school-admin").region("130102").school(SCHOOL_A).sign();
    private static final String OTHER_OFFICER = TestTokens.user("edu-ts", "education-officer").region("130200").sign();

    private static boolean schoolsKnown;

    // Not @BeforeAll: RestAssured learns the test port only per test.
    @BeforeEach
    void schools() {
        if (schoolsKnown) {
            return;
        }
        try (PairingEvents events = new PairingEvents()) {
            events.school(SCHOOL_A, "石家庄市第二十二中学", "130102", "JUNIOR", 38.04, 114.51)
                    .school(SCHOOL_B, "石家庄市第四十中学", "130102", "JUNIOR", 38.05, 114.48);
        }
        PairingEvents.awaitSchools(SCHOOL_A, SCHOOL_B);
        schoolsKnown = true;
    }

    @Test
    void aTeacherIsRegisteredAndTheResidentIdIsMaskedForTheSchoolButNotTheOfficer() {
        String id = residentId("130102", "1985-03-12", 22);
        Map<String, Object> t = teacher("SJZ-0001", "王老师", SCHOOL_A);
        t.put("residentId", id);
        t.put("subjects", List.of("ENGLISH", "CHINESE"));
        t.put("tags", List.of("阅读推广", "班主任经验"));
        long teacherId = register(SCHOOL_ADMIN, t);
        given().auth().oauth2(SCHOOL_ADMIN).get("/api/v1/rotation/teachers/" + teacherId).then().statusCode(200)
                .body("name", equalTo("王老师")).body("regionCode", equalTo("130102"))
                .body("subjects", equalTo(List.of("ENGLISH", "CHINESE")))
                .body("residentId", equalTo("**************" + id.substring(14)));
        given().auth().oauth2(OFFICER).get("/api/v1/rotation/teachers/" + teacherId).then().statusCode(200)
                .body("residentId", equalTo(id));
        given().auth().oauth2(OTHER_OFFICER).get("/api/v1/rotation/teachers/" + teacherId).then().statusCode(404)
                .contentType("application/problem+json");
        String audit = given().auth().oauth2(OFFICER).queryParam("entity", "teacher").queryParam("id", "SJZ-0001")
                .get("/api/v1/rotation/audit").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(audit.contains(id), "the audit trail never holds the ID number");
    }

    @Test
    void aTeacherCannotBeAtTwoSchools() {
        String id = residentId("130102", "1980-07-01", 31);
        Map<String, Object> first = teacher("SJZ-0002", "李老师", SCHOOL_A);
        first.put("birthDate", "1980-07-01");
        first.put("gender", "MALE");
        first.put("residentId", id);
        register(OFFICER, first);
        Map<String, Object> again = teacher("SJZ-0003", "李老师", SCHOOL_B);
        again.put("birthDate", "1980-07-01");
        again.put("gender", "MALE");
        again.put("residentId", id);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(again).post("/api/v1/rotation/teachers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("one school only")).body("detail", not(containsString(id)));
        Map<String, Object> sameStaff = teacher("SJZ-0002", "李老师", SCHOOL_B);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(sameStaff).post("/api/v1/rotation/teachers")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidResidentIdIsRefusedWithoutRepeatingIt() {
        Map<String, Object> badId = teacher("SJZ-0010", "赵老师", SCHOOL_A);
        badId.put("residentId", "130102198503120011");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(badId).post("/api/v1/rotation/teachers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("residentId")))
                .body(not(containsString("130102198503120011")));
    }

    @Test
    void anUnknownSubjectIsRefused() {
        Map<String, Object> badSubject = teacher("SJZ-0011", "钱老师", SCHOOL_A);
        badSubject.put("subjects", List.of("ASTROLOGY"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(badSubject).post("/api/v1/rotation/teachers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTeacherAtAnUnknownSchoolIsUnprocessable() {
        Map<String, Object> unknownSchool = teacher("SJZ-0012", "孙老师", "1313019999");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(unknownSchool).post("/api/v1/rotation/teachers")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void anOfficerOfAnotherRegionCannotRegisterATeacherAtTheSchool() {
        given().auth().oauth2(OTHER_OFFICER).contentType(ContentType.JSON).body(teacher("SJZ-0013", "周老师", SCHOOL_A))
                .post("/api/v1/rotation/teachers").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void csvImportReportsEveryBadRowAndStoresNothingByDefault() {
        String good = residentId("130102", "1979-11-30", 44);
        String csv = "\uFEFFstaffNumber,name,birthDate,gender,subjects,level,title,schoolCode,joinedSchoolOn,backbone,tags,residentId\n"
                + "SJZ-1001,陈老师,1979-11-30,FEMALE,MATH;PHYSICS,JUNIOR,SENIOR,1313010202,2012-09-01,DISTRICT,STEM;科技创新," + good + "\n"
                + "SJZ-1002,杨老师,1990-02-02,MALE,ARTS,JUNIOR,FIRST,1313019999,2016-09-01,NONE,,\n"
                + "SJZ-1003,黄老师,1991-05-05,MALE,PE,JUNIOR,FIRST,1313010202,2016-09-01,NONE,,130102199105050000\n"
                + "SJZ-1001,陈老师,1979-11-30,FEMALE,MATH,JUNIOR,SENIOR,1313010202,2012-09-01,DISTRICT,,\n";
        given().auth().oauth2(OFFICER).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/rotation/teachers/import").then().statusCode(422).contentType("application/problem+json")
                .body("report.errors", hasSize(3)).body("report.errors.line", equalTo(List.of(3, 4, 5)))
                .body(not(containsString("130102199105050000")));
        given().auth().oauth2(OFFICER).contentType("text/csv; charset=UTF-8").body(csv).queryParam("mode", "PER_ROW")
                .post("/api/v1/rotation/teachers/import").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(3));
        given().auth().oauth2(OFFICER).queryParam("school", SCHOOL_B).get("/api/v1/rotation/teachers").then()
                .statusCode(200).body("items.staffNumber", hasItem("SJZ-1001"))
                .body("items.find { it.staffNumber == 'SJZ-1001' }.subjects", equalTo(List.of("MATH", "PHYSICS")))
                .body("items.find { it.staffNumber == 'SJZ-1001' }.tags", hasItem("科技创新"));
    }

    /** A principal moving school by spreadsheet: the terms were at the old school, so the move ends them. */
    @Test
    void aSpreadsheetMovesAPrincipalToAnotherSchoolAndEndsHisTerms() {
        Map<String, Object> principal = new java.util.HashMap<>(teacher("SJZ-0030", "孙校长", SCHOOL_A));
        principal.put("position", "PRINCIPAL");
        principal.put("leadershipTerms", List.of(Map.of("start", "2019-09-01", "end", "2022-08-31")));
        principal.put("joinedSchoolOn", "2015-09-01");
        long id = register(OFFICER, principal);
        String csv = "staffNumber,name,birthDate,gender,subjects,level,title,schoolCode,joinedSchoolOn\n"
                + "SJZ-0030,孙校长,1975-03-03,MALE,MATH,JUNIOR,SENIOR," + SCHOOL_B + ",2025-09-01\n";

        given().auth().oauth2(OFFICER).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/rotation/teachers/import").then().statusCode(200).body("updated", equalTo(1));
        given().auth().oauth2(OFFICER).get("/api/v1/rotation/teachers/" + id).then().statusCode(200)
                .body("schoolCode", equalTo(SCHOOL_B)).body("position", org.hamcrest.Matchers.nullValue())
                .body("leadershipTerms", hasSize(0));
    }

    /** Another region's principal: the row is refused as out of scope, saying nothing of his terms. */
    @Test
    void aRowForAnotherRegionsPrincipalSaysNothingOfHisPosition() {
        Map<String, Object> principal = new java.util.HashMap<>(teacher("SJZ-0031", "周校长", SCHOOL_A));
        principal.put("position", "PRINCIPAL");
        principal.put("leadershipTerms", List.of(Map.of("start", "2019-09-01", "end", "2022-08-31")));
        principal.put("joinedSchoolOn", "2015-09-01");
        register(OFFICER, principal);
        String csv = "staffNumber,name,birthDate,gender,subjects,level,title,schoolCode,joinedSchoolOn\n"
                + "SJZ-0031,周校长,1975-03-03,MALE,MATH,JUNIOR,SENIOR," + SCHOOL_A + ",2025-09-01\n";

        given().auth().oauth2(OTHER_OFFICER).contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("mode", "PER_ROW").post("/api/v1/rotation/teachers/import").then().statusCode(200)
                .body("errors", hasSize(1)).body(not(containsString("leadership")))
                .body(not(containsString("PRINCIPAL")));
    }

    @Test
    void aTeacherSeesOnlyThemselves() {
        long self = register(OFFICER, teacher("SJZ-0020", "吴老师", SCHOOL_A));
        long colleague = register(OFFICER, teacher("SJZ-0021", "郑老师", SCHOOL_A));
        String token = TestTokens.user("wu", "teacher").region("130102").school(SCHOOL_A).teacher("SJZ-0020").sign();
        given().auth().oauth2(token).get("/api/v1/rotation/teachers/" + self).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/rotation/teachers/" + colleague).then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/rotation/teachers").then().statusCode(200)
                .body("items.staffNumber", equalTo(List.of("SJZ-0020")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(teacher("SJZ-0022", "冯老师", SCHOOL_A))
                .post("/api/v1/rotation/teachers").then().statusCode(403).contentType(startsWith("application/problem+json"));
    }
}
