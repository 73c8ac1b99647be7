package org.xietong.healthcare.institution;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InstitutionResourceTest {

    @BeforeEach
    void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            persist("H3714810091", "乐陵市人民医院（测试）", "371481");
            persist("H1101050091", "中日友好医院（测试）", "110105");
        });
    }

    @Test
    void listsOnlyInstitutionsInTheCallersRegion() {
        String dezhou = TestTokens.user("health-dezhou", "health-officer").region("371400").sign();
        // Other test classes register institutions in Dezhou too: one page holds them all.
        given().auth().oauth2(dezhou).queryParam("size", 200).get("/api/v1/healthcare/institutions")
                .then().statusCode(200).body("items.name", hasItem("乐陵市人民医院（测试）"))
                .body("items.regionCode", everyItem(startsWith("3714")));
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
        String nankai = TestTokens.user("health-nk", "health-officer").region("120104").sign();
        Map<String, Object> body = Map.of("code", "LTC1201040009", "name", "南开区长期护理保险评估中心",
                "regionCode", "120104", "level", "UNRATED", "capabilities", List.of("LTC_ASSESSOR"),
                "latitude", 39.12, "longitude", 117.15);
        given().auth().oauth2(nankai).contentType(ContentType.JSON).body(body).post("/api/v1/healthcare/institutions")
                .then().statusCode(201).body("capabilities", contains("LTC_ASSESSOR"));
        given().auth().oauth2(nankai).queryParam("capability", "LTC_ASSESSOR").get("/api/v1/healthcare/institutions")
                .then().statusCode(200).body("items.code", contains("LTC1201040009"));
        String dezhou = TestTokens.user("health-dezhou", "health-officer").region("371400").sign();
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(body).post("/api/v1/healthcare/institutions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(nankai).contentType(ContentType.JSON).body(body).post("/api/v1/healthcare/institutions")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(nankai).contentType(ContentType.JSON)
                .body(Map.of("code", "bad code", "name", "x", "regionCode", "110107", "level", "FOUR_A"))
                .post("/api/v1/healthcare/institutions").then().statusCode(400).contentType("application/problem+json");
    }

    /** Both pass the service's check; the database keeps one, and the other is told so, not given a 500. */
    @Test
    void parallelRegistrationsOfOneCodeCreateItOnceAndRefuseTheRestAsConflicts() throws Exception {
        String nankai = TestTokens.user("health-nk", "health-officer").region("120104").sign();
        Map<String, Object> body = Map.of("code", "H1201040077", "name", "南开区第七医院", "regionCode", "120104",
                "level", "TWO_A", "latitude", 39.12, "longitude", 117.15);
        int parallel = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(callers.submit(() -> {
                    start.await();
                    return given().auth().oauth2(nankai).contentType(ContentType.JSON).body(body)
                            .post("/api/v1/healthcare/institutions").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, Collections.frequency(statuses, 201), statuses::toString);
            assertEquals(parallel - 1, Collections.frequency(statuses, 409), statuses::toString);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void healthReportsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
    }

    private static void persist(String code, String name, String region) {
        if (Institution.findById(code) != null) {
            return;
        }
        Institution i = new Institution();
        i.code = code;
        i.name = name;
        i.regionCode = region;
        i.persist();
    }
}
