package org.xietong.healthcare.ltc;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.devstack.test.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Issue 17, item 5: an LTC request's personRef is an opaque reference, never a resident ID, and is not echoed. */
@QuarkusTest
class LtcPersonRefTest {

    private static final String CHONGQING = TestTokens.user("insurer-chongqing", "insurance-officer").region("500000").sign();

    @ParameterizedTest
    @ValueSource(strings = {"500112198701010013", "50011219870101001X", "50011219870101001x", "500112870101001"})
    void aResidentIdShapedPersonRefIsRefusedWithoutEchoingIt(String residentId) {
        given().auth().oauth2(CHONGQING).contentType(ContentType.JSON)
                .body(Map.of("personRef", residentId, "homeRegion", "500112", "residenceRegion", "110114"))
                .post("/api/v1/healthcare/ltc/requests").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("person-ref-is-resident-id"))
                .body(not(containsString(residentId)))
                .body(not(containsString(residentId.substring(6, 14))));
    }
}
