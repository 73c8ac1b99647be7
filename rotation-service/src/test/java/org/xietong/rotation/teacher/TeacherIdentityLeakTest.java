package org.xietong.rotation.teacher;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.residentId;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

/**
 * Issue 17, item 5: a resident ID is neither given back by its mask, nor told to exist by a registration or import
 * for a school outside the caller's scope, nor kept whole in a stored idempotent response. Baoding (130600) schools:
 * no other test class uses them.
 */
@QuarkusTest
class TeacherIdentityLeakTest {

    private static final String API = "/api/v1/rotation/teachers";
    private static final String SCHOOL_A = "1313060201";
    private static final String SCHOOL_B = "1313060202";
    private static final String OFFICER = TestTokens.user("edu-baoding", "education-officer").region("130600").sign();
    private static final String SCHOOL_ADMIN_A = TestTokens.user("admin-bd-a", "school-admin").region("130602")
            .school(SCHOOL_A).sign();
    private static final String SCHOOL_ADMIN_B = TestTokens.user("admin-bd-b", "school-admin").region("130602")
            .school(SCHOOL_B).sign();

    private static boolean schoolsKnown;

    @Inject
    EntityManager em;

    @BeforeEach
    void schools() {
        if (schoolsKnown) {
            return;
        }
        try (PairingEvents events = new PairingEvents()) {
            events.school(SCHOOL_A, "保定市第十七中学", "130602", "JUNIOR", 38.87, 115.46)
                    .school(SCHOOL_B, "保定市第二十中学", "130602", "JUNIOR", 38.88, 115.47);
        }
        PairingEvents.awaitSchools(SCHOOL_A, SCHOOL_B);
        schoolsKnown = true;
    }

    private static Response post(String token, Map<String, Object> teacher) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(teacher).post(API);
    }

    /** A female teacher: the sequence in her ID number is even. */
    private static Map<String, Object> withId(String staff, String school, String birthDate, String id) {
        Map<String, Object> t = teacher(staff, "测试老师", school);
        t.put("birthDate", birthDate);
        t.put("gender", "FEMALE");
        t.put("residentId", id);
        return t;
    }

    @Test
    void aSchoolAdminSeesTheLastFourCharactersAndNoBirthDateBesideThem() {
        String id = residentId("130602", "1986-04-15", 22);
        long teacherId = register(SCHOOL_ADMIN_A, withId("BD-0001", SCHOOL_A, "1986-04-15", id));
        given().auth().oauth2(SCHOOL_ADMIN_A).get(API + "/" + teacherId).then().statusCode(200)
                .body("residentId", equalTo("**************" + id.substring(14)))
                .body("birthDate", nullValue())
                .body(not(containsString("130602198604")));
        given().auth().oauth2(OFFICER).get(API + "/" + teacherId).then().statusCode(200)
                .body("residentId", equalTo(id)).body("birthDate", equalTo("1986-04-15"));
        given().auth().oauth2(SCHOOL_ADMIN_A).queryParam("school", SCHOOL_A).get(API).then().statusCode(200)
                .body("items.find { it.staffNumber == 'BD-0001' }.birthDate", nullValue())
                .body(not(containsString(id)));
    }

    @Test
    void aSchoolOutsideTheCallersScopeIsRefusedBeforeAnyUniquenessCheck() {
        String taken = residentId("130602", "1981-01-20", 40);
        register(OFFICER, withId("BD-0010", SCHOOL_B, "1981-01-20", taken));
        String free = residentId("130602", "1981-01-20", 42);
        // The same answer whether the ID is someone's or not: the school is unknown.
        for (String candidate : List.of(taken, free)) {
            post(SCHOOL_ADMIN_A, withId("BD-0011", "0000000000", "1981-01-20", candidate)).then().statusCode(422)
                    .contentType("application/problem+json").body("type", containsString("unknown-school"));
        }
        // A known school another admin manages: refused on scope, not on the ID.
        for (String candidate : List.of(taken, free)) {
            post(SCHOOL_ADMIN_A, withId("BD-0011", SCHOOL_B, "1981-01-20", candidate)).then().statusCode(403)
                    .contentType("application/problem+json").body(not(containsString("BD-0010")));
        }
    }

    @Test
    void aConflictInScopeNamesNeitherTheOtherSchoolNorItsStaffNumber() {
        String id = residentId("130602", "1979-09-09", 54);
        register(SCHOOL_ADMIN_B, withId("BD-0020", SCHOOL_B, "1979-09-09", id));
        post(OFFICER, withId("BD-0021", SCHOOL_A, "1979-09-09", id)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("another teacher"))
                .body(not(containsString(SCHOOL_B))).body(not(containsString("BD-0020")))
                .body(not(containsString(id)));
        post(SCHOOL_ADMIN_A, withId("BD-0021", SCHOOL_A, "1979-09-09", id)).then().statusCode(409)
                .body(not(containsString(SCHOOL_B))).body(not(containsString("BD-0020")));
    }

    @Test
    void anImportRowForASchoolOutsideScopeTellsNothingAboutTheId() {
        String taken = residentId("130602", "1983-03-03", 60);
        register(OFFICER, withId("BD-0030", SCHOOL_B, "1983-03-03", taken));
        String free = residentId("130602", "1983-03-03", 62);
        String header = "staffNumber,name,birthDate,gender,subjects,level,title,schoolCode,joinedSchoolOn,residentId\n";
        String row = ",测试老师,1983-03-03,FEMALE,MATH,JUNIOR,FIRST,%s,2012-09-01,%s\n";
        String csv = header + "BD-0031" + row.formatted("0000000000", taken) + "BD-0032" + row.formatted("0000000000", free)
                + "BD-0033" + row.formatted(SCHOOL_B, taken) + "BD-0034" + row.formatted(SCHOOL_B, free);
        Response answer = given().auth().oauth2(SCHOOL_ADMIN_A).contentType("text/csv; charset=UTF-8").body(csv)
                .post(API + "/import");
        answer.then().statusCode(422).body("report.errors.line", equalTo(List.of(2, 3, 4, 5)))
                .body(not(containsString("BD-0030"))).body(not(containsString(taken)));
        List<String> messages = answer.jsonPath().getList("report.errors.reason");
        assertTrue(messages.get(0).contains("0000000000"), messages.get(0));
        assertEquals(messages.get(0), messages.get(1));
        assertEquals(messages.get(2), messages.get(3));
        // In scope, a clash says so without naming the other school or staff number.
        String inScope = header + "BD-0035" + row.formatted(SCHOOL_B, taken);
        given().auth().oauth2(SCHOOL_ADMIN_B).contentType("text/csv; charset=UTF-8").body(inScope).post(API + "/import")
                .then().statusCode(422).body("report.errors[0].reason", containsString("another teacher"))
                .body(not(containsString("BD-0030"))).body(not(containsString(SCHOOL_B + " ")));
    }

    @Test
    void aStoredIdempotentResponseHoldsNoFullResidentId() {
        String id = residentId("130602", "1988-08-08", 70);
        String key = "bd-idem-" + System.nanoTime();
        given().auth().oauth2(OFFICER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(withId("BD-0040", SCHOOL_A, "1988-08-08", id)).post(API).then().statusCode(201)
                .body("residentId", equalTo(id));
        String stored = (String) em.createNativeQuery("SELECT body FROM idempotency_record WHERE idem_key = ?1")
                .setParameter(1, key).getSingleResult();
        assertFalse(stored.contains(id), stored);
        assertFalse(stored.contains(id.substring(0, 14)), stored);
        // The replay is still the same answer: created, same teacher, its ID masked.
        given().auth().oauth2(OFFICER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(withId("BD-0040", SCHOOL_A, "1988-08-08", id)).post(API).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("staffNumber", equalTo("BD-0040"))
                .body("residentId", equalTo("**************" + id.substring(14)));
    }
}
