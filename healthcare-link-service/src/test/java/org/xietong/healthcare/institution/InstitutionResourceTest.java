package org.xietong.healthcare.institution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.time.Instant;

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
