package org.xietong.pairing.school;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.contracts.Topics;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SchoolResourceTest {

    private static final String CHAOYANG_OFFICER = TestTokens.user("edu-chaoyang", "education-officer").region("110105").sign();
    private static final String MIYUN_OFFICER = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();

    @Test
    void registeringASchoolStoresItAndPublishesACloudEvent() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON)
                    .body(SchoolFixtures.school("1111010501", "北京市日坛中学", "110105"))
                    .when().post("/api/v1/pairing/schools")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/pairing/schools/1111010501"))
                    .body("name", equalTo("北京市日坛中学"));

            given().auth().oauth2(CHAOYANG_OFFICER).when().get("/api/v1/pairing/schools/1111010501")
                    .then().statusCode(200).body("regionCode", equalTo("110105"));

            ConsumerRecord<String, String> record = awaitRecord(consumer, "1111010501");
            assertEquals(SchoolRegistered.TYPE, header(record, "ce_type"));
            assertEquals("/xietong/pairing", header(record, "ce_source"));
            assertEquals("110105", header(record, "ce_regioncodes"));
            assertTrue(record.value().contains("北京市日坛中学"), record.value());
        }
    }

    @Test
    void anOfficerCannotRegisterOrSeeSchoolsOutsideTheirRegion() {
        given().auth().oauth2(MIYUN_OFFICER).contentType(ContentType.JSON)
                .body(SchoolFixtures.school("1111018001", "密云区穆家峪中学", "110118"))
                .post("/api/v1/pairing/schools").then().statusCode(201);

        given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON)
                .body(SchoolFixtures.school("1111018002", "密云区第二中学", "110118"))
                .post("/api/v1/pairing/schools")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("110118"));
        // Reading another region's school is "not found": ids cannot be probed.
        given().auth().oauth2(CHAOYANG_OFFICER).get("/api/v1/pairing/schools/1111018001")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(CHAOYANG_OFFICER).get("/api/v1/pairing/schools")
                .then().statusCode(200).body("items.code", not(hasItem("1111018001")));

        String beijing = TestTokens.user("edu-beijing", "education-officer").region("110000").sign();
        given().auth().oauth2(beijing).get("/api/v1/pairing/schools")
                .then().statusCode(200).body("items.code", hasItem("1111018001"));
        String mujiayuAdmin = TestTokens.user("school-mujiayu", "school-admin").region("110118").school("1111018001").sign();
        given().auth().oauth2(mujiayuAdmin).get("/api/v1/pairing/schools/1111018001").then().statusCode(200);
        given().auth().oauth2(MIYUN_OFFICER).contentType(ContentType.JSON)
                .body(SchoolFixtures.school("1111018004", "密云区第四中学", "110118"))
                .post("/api/v1/pairing/schools").then().statusCode(201);
        given().auth().oauth2(mujiayuAdmin).get("/api/v1/pairing/schools/1111018004").then().statusCode(404);
        given().auth().oauth2(mujiayuAdmin).get("/api/v1/pairing/schools")
                .then().statusCode(200).body("items.code", org.hamcrest.Matchers.contains("1111018001"));
    }

    @Test
    void onlyOfficersRegisterSchools() {
        String teacher = TestTokens.user("teacher-demo", "teacher").region("110118").sign();
        given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(SchoolFixtures.school("1111018003", "某学校", "110118"))
                .post("/api/v1/pairing/schools")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRequestWithoutATokenIsRefusedAsAProblemWithABearerChallenge() {
        given().get("/api/v1/pairing/schools")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anExpiredTokenIsRefusedAsAProblem() {
        String expired = TestTokens.user("edu-chaoyang", "education-officer").region("110105")
                .expiredAgo(Duration.ofHours(1)).sign();
        given().auth().oauth2(expired).get("/api/v1/pairing/schools")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenThatIsNoJwtIsRefused() {
        given().auth().oauth2("not-a-jwt").get("/api/v1/pairing/schools").then().statusCode(401);
    }

    @Test
    void invalidFieldsAreProblemsNamingEachField() {
        given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON)
                .body(SchoolFixtures.school("12ab", " ", "1101"))
                .post("/api/v1/pairing/schools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("regionCode"));
    }

    @Test
    void anUnreadableBodyIsAProblem() {
        given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON)
                .body("{\"code\": \"1111010599\", \"name\": ")
                .post("/api/v1/pairing/schools")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aPageSizeOverTheLimitIsAProblem() {
        given().auth().oauth2(CHAOYANG_OFFICER).get("/api/v1/pairing/schools?size=201")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** A NUL character or half a surrogate pair, legal as JSON escapes: refused naming the field, nothing stored. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"a NUL character, 朝阳区\\u0000中学", "half a surrogate pair, 朝阳区\\ud800中学"})
    void textTheDatabaseCannotTakeIsABadRequestNotAServerError(String what, String name) {
        given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON)
                .body("{\"code\": \"1111010581\", \"name\": \"" + name + "\", \"regionCode\": \"110105\", "
                        + "\"locationType\": \"URBAN\", \"level\": \"JUNIOR\"}")
                .post("/api/v1/pairing/schools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-body")).body("detail", containsString("'name'"));
        given().auth().oauth2(CHAOYANG_OFFICER).get("/api/v1/pairing/schools/1111010581").then().statusCode(404);
    }

    @Test
    void searchingForTextTheDatabaseCannotTakeIsABadRequest() {
        // Searching for NUL fails in PostgreSQL: the caller's value, so 400, not 500.
        given().auth().oauth2(CHAOYANG_OFFICER).queryParam("name", "朝阳\u0000").get("/api/v1/pairing/schools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-value"));
    }

    @Test
    void aSchoolCodeIsRegisteredOnce() {
        Map<String, Object> school = SchoolFixtures.school("1111010502", "北京市第八十中学", "110105");
        given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON).body(school)
                .post("/api/v1/pairing/schools").then().statusCode(201);
        given().auth().oauth2(CHAOYANG_OFFICER).contentType(ContentType.JSON).body(school)
                .post("/api/v1/pairing/schools")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("school-exists"));
    }

    @Test
    void healthReportsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
    }

    @Test
    void unknownPathsAreProblemsAndTheApiIsDocumented() {
        given().auth().oauth2(CHAOYANG_OFFICER).get("/api/v1/pairing/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/pairing/schools"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/asyncapi.yaml").then().statusCode(200).body(containsString("xietong.pairing.events"));
        given().get("/contracts/schemas/org.xietong.pairing.school.registered.v1.json").then().statusCode(200)
                .body("title", equalTo(SchoolRegistered.TYPE));
    }

    private static KafkaConsumer<String, String> consumer() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "pairing-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.PAIRING_EVENTS));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("no event with key " + key + " on " + Topics.PAIRING_EVENTS);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
