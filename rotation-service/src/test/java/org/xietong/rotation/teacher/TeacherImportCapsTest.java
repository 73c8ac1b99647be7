package org.xietong.rotation.teacher;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Imports are capped while they are read (issue 17, item 7): a 10⁵-row file is refused whole, naming the cap. */
@QuarkusTest
class TeacherImportCapsTest {

    private static final String OFFICER = TestTokens.user("edu-sjz", "education-officer").region("130100").sign();

    @Inject
    EntityManager em;

    @Test
    void anImportOfAHundredThousandRowsIsRefusedAtTheFirstRowBeyondTheCapAndStoresNothing() {
        StringBuilder csv = new StringBuilder("staffNumber,name,birthDate,gender,subjects,level,title,schoolCode,joinedSchoolOn\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("CAP-").append(i).append(",上限老师,1980-01-01,FEMALE,MATH,JUNIOR,FIRST,1313010201,2010-09-01\n");
        }
        given().auth().oauth2(OFFICER).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("mode", "PER_ROW").post("/api/v1/rotation/teachers/import").then().statusCode(413)
                .contentType("application/problem+json")
                .body("limit", equalTo("rows")).body("max", equalTo(10_000)).body("line", equalTo(10_002));
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM teacher WHERE staff_number LIKE 'CAP-%'").getSingleResult()).longValue());
        assertEquals(0L, stored);
    }
}
