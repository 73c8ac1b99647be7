package org.xietong.pairing.school;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.TestTokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Idempotency-Key, ETag / If-Match and the audit trail on the school registry. */
@QuarkusTest
class SchoolConventionsTest {

    private static final String SCHOOLS = "/api/v1/pairing/schools";
    private static final String CHAOYANG = TestTokens.user("edu-chaoyang", "education-officer").region("110105").sign();

    @Inject
    EntityManager em;

    @Test
    void aRetriedPostWithTheSameKeyAnswersTheFirstResponseAndChangesNothing() {
        Map<String, Object> body = SchoolFixtures.school("1111010510", "北京市第十七中学", "110105");
        Response first = post("key-17", body);
        first.then().statusCode(201);
        Response again = post("key-17", body);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.getHeader("Location"))
                .body("code", equalTo("1111010510")).body("name", equalTo("北京市第十七中学"));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE subject = '1111010510'"), "one event");

        post("key-17", SchoolFixtures.school("1111010511", "另一所学校", "110105"))
                .then().statusCode(422).contentType("application/problem+json");
        String otherOfficer = TestTokens.user("edu-chaoyang-2", "education-officer").region("110105").sign();
        given().auth().oauth2(otherOfficer).header("Idempotency-Key", "key-17").contentType(ContentType.JSON)
                .body(SchoolFixtures.school("1111010512", "第三所学校", "110105"))
                .post(SCHOOLS).then().statusCode(201);
    }

    @Test
    void aFailedRequestCanBeRetriedWithItsKey() {
        post("key-bad", SchoolFixtures.school("1111010513", "越权学校", "110118")).then().statusCode(403);
        post("key-bad", SchoolFixtures.school("1111010513", "本区学校", "110105")).then().statusCode(201);
        post("k".repeat(201), SchoolFixtures.school("1111010514", "学校", "110105")).then().statusCode(400);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        post(null, SchoolFixtures.school("1111010520", "朝阳区实验小学", "110105")).then().statusCode(201);
        String etag = given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/1111010520").then().statusCode(200)
                .extract().header("ETag");

        put(null, "1111010520", "新名字").then().statusCode(428).contentType("application/problem+json");
        put("\"999\"", "1111010520", "新名字").then().statusCode(412).contentType("application/problem+json");
        String newEtag = put(etag, "1111010520", "朝阳区实验小学（新校区）").then().statusCode(200)
                .body("name", equalTo("朝阳区实验小学（新校区）")).extract().header("ETag");
        assertNotEquals(etag, newEtag);
        put(etag, "1111010520", "lost update").then().statusCode(412);

        String miyun = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
        given().auth().oauth2(miyun).header("If-Match", newEtag).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "locationType", "URBAN", "level", "PRIMARY")).put(SCHOOLS + "/1111010520")
                .then().statusCode(403).contentType("application/problem+json");
        String beijing = TestTokens.user("edu-beijing", "education-officer").region("110000").sign();
        given().auth().oauth2(beijing).header("If-Match", newEtag).contentType(ContentType.JSON)
                .body(Map.of("name", "朝阳区实验小学", "locationType", "URBAN", "level", "PRIMARY")).put(SCHOOLS + "/1111010520").then().statusCode(200);
    }

    @Test
    void concurrentEditsWithOneETagLetExactlyOneWin() throws Exception {
        post(null, SchoolFixtures.school("1111010540", "朝阳外国语学校", "110105")).then().statusCode(201);
        String etag = given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/1111010540").then().extract().header("ETag");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = pool.invokeAll(java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> (java.util.concurrent.Callable<Integer>) () ->
                            put(etag, "1111010540", "编辑 " + i).statusCode())
                    .toList());
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSchoolNothingRefersToCanBeRemovedWithItsETag() {
        post(null, SchoolFixtures.school("1111010550", "待撤并学校", "110105")).then().statusCode(201);
        String etag = given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/1111010550").then().extract().header("ETag");
        given().auth().oauth2(CHAOYANG).delete(SCHOOLS + "/1111010550").then().statusCode(428);
        String miyun = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
        given().auth().oauth2(miyun).header("If-Match", etag).delete(SCHOOLS + "/1111010550").then().statusCode(403);
        given().auth().oauth2(CHAOYANG).header("If-Match", etag).delete(SCHOOLS + "/1111010550").then().statusCode(204);
        given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/1111010550").then().statusCode(404);
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE subject = '1111010550' AND type = 'org.xietong.pairing.school.removed.v1'"));

        post(null, SchoolFixtures.school("1111010551", "有结对的学校", "110105", "URBAN", "JUNIOR")).then().statusCode(201);
        post(null, SchoolFixtures.school("1111010552", "乡镇学校", "110105")).then().statusCode(201);
        given().auth().oauth2(CHAOYANG).contentType(ContentType.JSON)
                .body(Map.of("kind", "HAND_IN_HAND", "supportingParty", "1111010551", "supportedParty", "1111010552"))
                .post("/api/v1/pairing/pairings").then().statusCode(201);
        String used = given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/1111010551").then().extract().header("ETag");
        given().auth().oauth2(CHAOYANG).header("If-Match", used).delete(SCHOOLS + "/1111010551")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("school-in-use"));
    }

    static Stream<Arguments> whatRefersToASchool() {
        return Stream.of(
                Arguments.of("an alliance it leads", "1111010553", "/api/v1/pairing/alliances",
                        Map.of("name", "朝阳区教育集团", "leadSchool", "1111010553", "members", List.of())),
                Arguments.of("a facility it shares", "1111010554", "/api/v1/pairing/resources",
                        Map.of("ownerSchool", "1111010554", "name", "劳动实践基地", "kind", "FARM")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatRefersToASchool")
    void aSchoolSomethingRefersToStays(String what, String code, String path, Map<String, Object> body) {
        post(null, SchoolFixtures.school(code, "被引用的学校", "110105", "URBAN", "JUNIOR")).then().statusCode(201);
        given().auth().oauth2(CHAOYANG).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
        String etag = given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/" + code).then().extract().header("ETag");
        given().auth().oauth2(CHAOYANG).header("If-Match", etag).delete(SCHOOLS + "/" + code)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("school-in-use"));
    }

    @Test
    void everyChangeIsInTheAuditTrailForOfficersInScope() {
        post(null, SchoolFixtures.school("1111010530", "陈经纶中学", "110105")).then().statusCode(201);
        String etag = given().auth().oauth2(CHAOYANG).get(SCHOOLS + "/1111010530").then().extract().header("ETag");
        put(etag, "1111010530", "北京市陈经纶中学").then().statusCode(200);

        given().auth().oauth2(CHAOYANG).queryParam("entity", "school").queryParam("id", "1111010530")
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.action", contains("school.updated", "school.registered"))
                .body("items[0].actor", equalTo("edu-chaoyang"))
                .body("items[0].client", equalTo("xietong-cli"))
                .body("items[0].summary.name.from", equalTo("陈经纶中学"))
                .body("items[0].summary.name.to", equalTo("北京市陈经纶中学"));

        String miyun = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
        given().auth().oauth2(miyun).queryParam("entity", "school").queryParam("id", "1111010530")
                .get("/api/v1/pairing/audit").then().statusCode(200).body("items", hasSize(0));
        String teacher = TestTokens.user("teacher-demo", "teacher").region("110105").sign();
        given().auth().oauth2(teacher).queryParam("entity", "school").queryParam("id", "1111010530")
                .get("/api/v1/pairing/audit").then().statusCode(403);
        given().auth().oauth2(CHAOYANG).get("/api/v1/pairing/audit").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Issue 20: "what did this actor or client change last week" had no answer; the trail was by entity only. */
    @Test
    void theAuditTrailAnswersWhatAnActorOrAClientChangedInATimeRange() {
        String before = OffsetDateTime.now().minusMinutes(1).toString();
        post(null, SchoolFixtures.school("1111010532", "朝阳区审计查询小学", "110105")).then().statusCode(201);

        given().auth().oauth2(CHAOYANG).queryParam("client", "xietong-cli").queryParam("from", before)
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.entityId", hasItem("1111010532"));
        given().auth().oauth2(CHAOYANG).queryParam("actor", "edu-chaoyang").queryParam("entity", "school")
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.entityId", hasItem("1111010532"));
        given().auth().oauth2(CHAOYANG).queryParam("actor", "edu-chaoyang").queryParam("to", before)
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.entityId", not(hasItem("1111010532")));
        String miyun = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
        given().auth().oauth2(miyun).queryParam("actor", "edu-chaoyang")
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.entityId", not(hasItem("1111010532")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page=0",
            "id=1111010501",
            "from=2026-11-28T00:00:00Z",
            "client=partner-500000&from=yesterday",
            "client=partner-500000&from=2026-11-28T00:00:00Z&to=2026-11-21T00:00:00Z"})
    void anAuditQuestionThatNamesNothingOrIsMalformedIsABadRequest(String query) {
        given().auth().oauth2(CHAOYANG).get("/api/v1/pairing/audit?" + query).then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static Response post(String key, Map<String, Object> body) {
        var request = given().auth().oauth2(CHAOYANG).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(SCHOOLS);
    }

    private static Response put(String ifMatch, String code, String name) {
        var request = given().auth().oauth2(CHAOYANG).contentType(ContentType.JSON)
                .body(Map.of("name", name, "locationType", "URBAN", "level", "PRIMARY"));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(SCHOOLS + "/" + code);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
