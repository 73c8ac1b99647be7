package org.xietong.pairing.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;
import org.xietong.platform.events.CloudEvent;
import org.xietong.contracts.rotation.ExchangeConfirmed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Activities beyond a pairing: an alliance's or school district's (教研, 名师讲堂), a region's for several of its
 * schools (a city's lecture series, a 研学 of pupils from several districts), and a teacher exchange between allied
 * schools that have no pairing. Schools 11110578xx of Chaoyang (110105), Miyun (110118) and Tongzhou (110112).
 */
@QuarkusTest
class HostedActivityResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String BEIJING = TestTokens.user("edu-beijing", "education-officer").region("110000").sign();
    private static final String CHAOYANG = TestTokens.user("edu-chaoyang", "education-officer").region("110105").sign();
    private static final String MIYUN = TestTokens.user("edu-miyun", "education-officer").region("110118").sign();
    private static final String SHUNYI = TestTokens.user("edu-shunyi", "education-officer").region("110113").sign();
    private static final LocalDate DAY = LocalDate.of(2025, 11, 12);

    @Inject
    EntityManager em;

    @Test
    void anAllianceRecordsTheTeachingResearchOfItsMembers() {
        String alliance = alliance("EDUCATION_GROUP", "1111057801", "1111057802");
        Map<String, Object> research = hostedBy("allianceId", alliance, "TEACHER_TRAINING", List.of("1111057801", "1111057802"));

        String id = record(MIYUN, research).then().statusCode(201)
                .body("allianceId", equalTo(alliance)).body("pairingId", nullValue()).extract().path("id");

        given().auth().oauth2(CHAOYANG).get("/api/v1/pairing/alliances/" + alliance + "/activities").then()
                .statusCode(200).body("items.id", contains(id));
        assertEquals(1L, outbox(alliance, "org.xietong.pairing.activity.recorded.v1"));
    }

    @Test
    void anAllianceActivityNamesOnlyMembers() {
        String alliance = alliance("ALLIANCE", "1111057803", "1111057804");
        school("1111057805", "110118", "RURAL");

        record(CHAOYANG, hostedBy("allianceId", alliance, "LECTURE", List.of("1111057803", "1111057805")))
                .then().statusCode(422).body("detail", containsString("1111057805 is not a member"));
    }

    @Test
    void anOfficerOfNoMembersRegionSeesNoAllianceAndRecordsNothingOnIt() {
        String alliance = alliance("EDUCATION_GROUP", "1111057806", "1111057807");

        record(SHUNYI, hostedBy("allianceId", alliance, "LECTURE", List.of("1111057806", "1111057807")))
                .then().statusCode(404);
        given().auth().oauth2(SHUNYI).get("/api/v1/pairing/alliances/" + alliance + "/activities").then().statusCode(404);
    }

    /** 德州大讲堂, 北京五区学生赴海拉尔研学: a region hosts an activity of several of its schools. */
    @Test
    void aRegionHostsAnActivityOfSeveralOfItsSchools() {
        school("1111057811", "110105", "URBAN");
        school("1111057812", "110118", "RURAL");
        school("1111057813", "110112", "TOWNSHIP");
        Map<String, Object> trip = hostedBy("hostRegion", "110000", "STUDY_TRIP",
                List.of("1111057811", "1111057812", "1111057813"));
        trip.put("place", "内蒙古呼伦贝尔市海拉尔区");
        trip.put("mode", "MIXED");

        String id = record(BEIJING, trip).then().statusCode(201).body("hostRegion", equalTo("110000"))
                .body("mode", equalTo("MIXED")).extract().path("id");

        given().auth().oauth2(BEIJING).get("/api/v1/pairing/regions/110000/activities").then().statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void aDistrictOfficerHostsNoActivityForTheCity() {
        school("1111057814", "110105", "URBAN");
        school("1111057815", "110105", "URBAN");

        record(CHAOYANG, hostedBy("hostRegion", "110000", "LECTURE", List.of("1111057814", "1111057815")))
                .then().statusCode(403);
        given().auth().oauth2(CHAOYANG).get("/api/v1/pairing/regions/110000/activities").then().statusCode(403);
    }

    @Test
    void aRegionsActivityNamesAtLeastTwoOfItsOwnSchools() {
        school("1111057816", "110105", "URBAN");
        school("1111057817", "110118", "RURAL");

        record(CHAOYANG, hostedBy("hostRegion", "110105", "LECTURE", List.of("1111057816")))
                .then().statusCode(422).body("detail", containsString("at least two"));
        record(CHAOYANG, hostedBy("hostRegion", "110105", "LECTURE", List.of("1111057816", "1111057817")))
                .then().statusCode(422).body("detail", containsString("1111057817 is not a registered school of region 110105"));
    }

    @Test
    void anActivityHasExactlyOneHost() {
        String alliance = alliance("EDUCATION_GROUP", "1111057818", "1111057819");
        Map<String, Object> both = hostedBy("allianceId", alliance, "LECTURE", List.of("1111057818", "1111057819"));
        both.put("hostRegion", "110105");

        record(ADMIN, both).then().statusCode(400);
    }

    @Test
    void aRegionsActivityIsWithdrawnByItsOfficersOnly() {
        school("1111057821", "110105", "URBAN");
        school("1111057822", "110105", "URBAN");
        Response recorded = record(CHAOYANG, hostedBy("hostRegion", "110105", "LECTURE",
                List.of("1111057821", "1111057822")));
        String withdraw = "/api/v1/pairing/activities/" + recorded.path("id") + "/withdraw";
        String version = "\"" + recorded.path("version") + "\"";

        given().auth().oauth2(SHUNYI).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("reason", "录错区")).post(withdraw).then().statusCode(403);
        given().auth().oauth2(CHAOYANG).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("reason", "讲座改期，未举行")).post(withdraw).then().statusCode(200)
                .body("withdrawalReason", equalTo("讲座改期，未举行"));
        assertEquals(1L, outbox("110105", "org.xietong.pairing.activity.withdrawn.v1"));
    }

    /** Two schools of one education group exchange teachers without a pairing: the group records it. */
    @Test
    void aConfirmedExchangeBetweenAlliedUnpairedSchoolsIsTheAlliancesActivity() throws Exception {
        String alliance = alliance("EDUCATION_GROUP", "1111057823", "1111057824");
        String servers = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                Map.of("bootstrap.servers", servers), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), "/xietong/rotation", ExchangeConfirmed.TYPE,
                    "ex-allied", Instant.now(), List.of("110105", "110118"), "{\"exchangeId\":\"ex-allied\","
                            + "\"fromSchool\":\"1111057823\",\"toSchool\":\"1111057824\",\"mode\":\"FULL_TIME\","
                            + "\"teachers\":1,\"startDate\":\"2026-09-01\",\"months\":12}");
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("xietong.rotation.events", null,
                    event.subject(), event.data(), event.kafkaHeaders())).get();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(MIYUN).get("/api/v1/pairing/alliances/" + alliance + "/activities").then()
                        .statusCode(200).body("items.teachers", contains(1))
                        .body("items[0].createdBy", equalTo("pairing.rotation-exchanges")));
    }

    private static String alliance(String kind, String chaoyangLead, String miyunMember) {
        school(chaoyangLead, "110105", "URBAN");
        school(miyunMember, "110118", "RURAL");
        return given().auth().oauth2(BEIJING).contentType(ContentType.JSON)
                .body(Map.of("name", "朝阳密云教育集团" + chaoyangLead.substring(6), "kind", kind,
                        "leadSchool", chaoyangLead, "members", List.of(miyunMember)))
                .post("/api/v1/pairing/alliances").then().statusCode(201).body("kind", equalTo(kind))
                .extract().path("id");
    }

    private static void school(String code, String region, String location) {
        SchoolFixtures.register(ADMIN, code, "学校" + code.substring(6), region, location).then().statusCode(201);
    }

    private static Map<String, Object> hostedBy(String host, String id, String kind, List<String> schools) {
        Map<String, Object> body = new HashMap<>();
        body.put(host, id);
        body.put("kind", kind);
        body.put("startDate", DAY.toString());
        body.put("endDate", DAY.toString());
        body.put("schools", schools);
        body.put("teachers", 60);
        body.put("summary", "联合教研");
        return body;
    }

    private static Response record(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/pairing/activities");
    }

    private long outbox(String subject, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE subject = ?1 AND type = ?2")
                .setParameter(1, subject).setParameter(2, type).getSingleResult()).longValue());
    }
}
