package org.xietong.pairing.school;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Imports are capped while they are read (issue 17, item 7): a 10⁵-row file is refused whole, naming the cap. */
@QuarkusTest
class SchoolImportCapsTest {

    private static final String IMPORT = "/api/v1/pairing/schools/import";
    private static final String SHUNYI = TestTokens.user("edu-shunyi", "education-officer").region("110113").sign();

    @Inject
    EntityManager em;

    private static String schools(int rows) {
        StringBuilder csv = new StringBuilder("code,name,regionCode,locationType,level\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("11110%05d,上限测试学校,110113,RURAL,PRIMARY%n", i));
        }
        return csv.toString();
    }

    @Test
    void anImportOfAHundredThousandRowsIsRefusedAtTheFirstRowBeyondTheCapAndStoresNothing() {
        given().auth().oauth2(SHUNYI).contentType("text/csv").body(schools(100_000).getBytes(StandardCharsets.UTF_8))
                .queryParam("mode", "PER_ROW").post(IMPORT).then().statusCode(413)
                .contentType("application/problem+json")
                .body("limit", equalTo("rows")).body("max", equalTo(10_000)).body("line", equalTo(10_002))
                .body("detail", containsString("10000 rows"));
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM school WHERE name = '上限测试学校'").getSingleResult()).longValue());
        assertEquals(0L, stored);
    }

    @Test
    void aRowOverTheCharacterCapIsRefusedNamingItsLine() {
        String csv = "code,name,regionCode,locationType,level\n1111099001,\"" + "长".repeat(5_000)
                + "\",110113,RURAL,PRIMARY\n";
        given().auth().oauth2(SHUNYI).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(IMPORT).then().statusCode(413).contentType("application/problem+json")
                .body("limit", equalTo("record-chars")).body("line", equalTo(2));
    }
}
