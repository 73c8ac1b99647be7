package org.xietong.healthcare.institution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;

@QuarkusTest
class InstitutionResourceTest {

    @BeforeEach
    void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            Institution.deleteAll();
            persist("H3714810001", "乐陵市人民医院", "371481");
            persist("H1101050001", "中日友好医院", "110105");
        });
    }

    @Test
    void listsOnlyInstitutionsInTheCallersRegion() {
        String dezhou = TestTokens.user("health-dezhou", "health-officer").region("371400").sign();
        given().auth().oauth2(dezhou).get("/api/v1/healthcare/institutions")
                .then().statusCode(200).body("items.name", contains("乐陵市人民医院"));
    }

    @Test
    void aTokenWithoutRegionIsRefusedWithAProblem() {
        String noRegion = TestTokens.user("someone", "health-officer").sign();
        given().auth().oauth2(noRegion).get("/api/v1/healthcare/institutions")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/healthcare/institutions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anOfficerRegistersAnAssessorInTheirRegionOnly() {
        String beijing = TestTokens.user("health-bj", "health-officer").region("110000").sign();
        Map<String, Object> body = Map.of("code", "LTC1101070009", "name", "石景山区长期护理保险评估中心",
                "regionCode", "110107", "level", "UNRATED", "capabilities", List.of("LTC_ASSESSOR"),
                "latitude", 39.906, "longitude", 116.22);
        given().auth().oauth2(beijing).contentType(ContentType.JSON).body(body).post("/api/v1/healthcare/institutions")
                .then().statusCode(201).body("capabilities", contains("LTC_ASSESSOR"));
        given().auth().oauth2(beijing).queryParam("capability", "LTC_ASSESSOR").get("/api/v1/healthcare/institutions")
                .then().statusCode(200).body("items.code", contains("LTC1101070009"));
        String dezhou = TestTokens.user("health-dezhou", "health-officer").region("371400").sign();
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(body).post("/api/v1/healthcare/institutions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(beijing).contentType(ContentType.JSON).body(body).post("/api/v1/healthcare/institutions")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(beijing).contentType(ContentType.JSON)
                .body(Map.of("code", "bad code", "name", "x", "regionCode", "110107", "level", "FOUR_A"))
                .post("/api/v1/healthcare/institutions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void healthReportsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
    }

    private static void persist(String code, String name, String region) {
        Institution i = new Institution();
        i.code = code;
        i.name = name;
        i.regionCode = region;
        i.createdAt = Instant.now();
        i.persist();
    }
}
