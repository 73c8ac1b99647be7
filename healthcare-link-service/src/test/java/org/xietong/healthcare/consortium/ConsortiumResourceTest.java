package org.xietong.healthcare.consortium;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.healthcare.institution.Capability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.API;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.consortium;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.institution;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.join;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.officer;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.staff;

@QuarkusTest
class ConsortiumResourceTest {

    /** Ids are numbers per kind of object: a subject is one only together with its types. */
    private static final String MEMBERSHIP = "org.xietong.healthcare.consortium.*";
    private final String dezhou = officer("371400");
    private final String tianjin = officer("120000");
    private final String decheng = officer("371402");
    private String leling;
    private String tianjinHospital;

    @BeforeEach
    void institutions() {
        leling = institution("371481", "乐陵市人民医院");
        tianjinHospital = institution("120101", "天津市第一中心医院");
    }

    @Test
    void aCrossProvinceMemberMakesTheConsortiumVisibleToItsRegion() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        given().auth().oauth2(tianjin).get(API + "/consortia/" + id).then().statusCode(404);
        // Only the lead's side enrols members: another region cannot put its institution in by id.
        given().auth().oauth2(tianjin).contentType(ContentType.JSON).body(Map.of("institutionCode", tianjinHospital))
                .post(API + "/consortia/" + id + "/members").then().statusCode(404);

        join(dezhou, id, tianjinHospital);

        given().auth().oauth2(tianjin).get(API + "/consortia/" + id).then().statusCode(200)
                .body("leadCode", equalTo(leling))
                .body("members.institutionCode", contains(leling, tianjinHospital))
                .body("members.name", contains("乐陵市人民医院", "天津市第一中心医院"));
        given().auth().oauth2(tianjin).queryParam("size", 200).queryParam("member", tianjinHospital)
                .get(API + "/consortia").then().statusCode(200).body("items.id", hasItem((int) id));
        given().auth().oauth2(staff("120101", tianjinHospital)).get(API + "/consortia/" + id).then().statusCode(200);
    }

    private static io.restassured.response.Response enrol(String token, long consortium, String institution) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("institutionCode", institution))
                .post(API + "/consortia/" + consortium + "/members");
    }

    private static Map<String, Object> consultation(long consortium, String requester, String consultant) {
        return Map.of("consortiumId", consortium, "requesterCode", requester, "consultantCode", consultant,
                "specialty", "呼吸与危重症医学科", "urgency", "ROUTINE", "question", "间质性肺病待查，请会诊。",
                "patientRef", "DZRM-TEST-0001");
    }

    @Test
    void anotherRegionNeitherSeesNorChangesIt() {
        long id = consortium(dezhou, "SPECIALTY_ALLIANCE", leling);
        given().auth().oauth2(decheng).get(API + "/consortia/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(decheng).queryParam("size", 200).get(API + "/consortia")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        given().auth().oauth2(staff("371481", institution("371481", "乐陵市中医院"))).get(API + "/consortia/" + id)
                .then().statusCode(404);

        // Only the lead's officers enrol members; officers create only consortia led by an institution they cover.
        join(dezhou, id, tianjinHospital);
        given().auth().oauth2(dezhou).delete(API + "/consortia/" + id + "/members/" + tianjinHospital)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(decheng).contentType(ContentType.JSON).body(Map.of("institutionCode", leling))
                .post(API + "/consortia/" + id + "/members").then().statusCode(404);
        given().auth().oauth2(tianjin).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "kind", "REMOTE_NETWORK", "leadCode", leling))
                .post(API + "/consortia").then().statusCode(403);
        given().auth().oauth2(staff("371481", leling)).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "kind", "REMOTE_NETWORK", "leadCode", leling))
                .post(API + "/consortia").then().statusCode(403);
    }

    @Test
    void joiningAndLeavingArePublishedToTheLeadsAndTheMembersRegions() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        join(dezhou, id, tianjinHospital);
        given().auth().oauth2(tianjin).delete(API + "/consortia/" + id + "/members/" + tianjinHospital)
                .then().statusCode(200);

        for (String region : List.of(dezhou, tianjin)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(region).queryParam("subject", id).queryParam("types", MEMBERSHIP)
                            .get(API + "/exchange/events").then()
                            .statusCode(200).body("events.type", equalTo(List.of(
                                    "org.xietong.healthcare.consortium.member-joined.v1",
                                    "org.xietong.healthcare.consortium.member-left.v1")))
                            .body("events.data.institutionCode", equalTo(List.of(tianjinHospital, tianjinHospital)))
                            .body("events[0].data.leadRegion", equalTo("371481")));
        }
        given().auth().oauth2(officer("130000")).queryParam("subject", id).queryParam("types", MEMBERSHIP)
                .get(API + "/exchange/events").then()
                .statusCode(200).body("events", org.hamcrest.Matchers.empty());
    }

    @Test
    void membersJoinOnceAndTheLeadStays() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        join(dezhou, id, tianjinHospital);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(Map.of("institutionCode", tianjinHospital))
                .post(API + "/consortia/" + id + "/members").then().statusCode(409);
        given().auth().oauth2(dezhou).delete(API + "/consortia/" + id + "/members/" + leling)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(tianjin).delete(API + "/consortia/" + id + "/members/" + tianjinHospital)
                .then().statusCode(200).body("members.institutionCode", contains(leling));
        given().auth().oauth2(tianjin).get(API + "/consortia/" + id).then().statusCode(404);
        given().auth().oauth2(tianjin).contentType(ContentType.JSON).body(Map.of("institutionCode", tianjinHospital))
                .post(API + "/consortia/999999999/members").then().statusCode(404);
    }

    @Test
    void anotherRegionsInstitutionIsOnlyInvitedUntilItsOfficerAccepts() {
        String lead = institution("371402", "德州市立医院", Capability.REMOTE_CONSULTATION);
        String beijingHospital = institution("110105", "中日友好医院", Capability.REMOTE_CONSULTATION);
        long id = consortium(dezhou, "REMOTE_NETWORK", lead);

        io.restassured.response.Response enrolled = enrol(dezhou, id, beijingHospital);
        enrolled.then().statusCode(202).body("status", equalTo("PENDING")).body("institutionCode", equalTo(beijingHospital))
                .body("regionCode", equalTo("110105"));
        long invitation = enrolled.jsonPath().getLong("id");
        enrolled.then().header("Location", endsWith("/api/v1/healthcare/consortium-invitations/" + invitation));
        given().auth().oauth2(dezhou).get(API + "/consortia/" + id).then().statusCode(200)
                .body("members.institutionCode", contains(lead));
        given().auth().oauth2(staff("371402", lead)).contentType(ContentType.JSON)
                .body(consultation(id, lead, beijingHospital)).post(API + "/consultations").then().statusCode(422)
                .body("type", containsString("not-a-member"));
        enrol(dezhou, id, beijingHospital).then().statusCode(409).body("type", containsString("invitation-pending"));
        // The lead's side sees its invitation but does not answer for the other region.
        given().auth().oauth2(dezhou).post(API + "/consortium-invitations/" + invitation + "/accept").then().statusCode(403)
                .contentType("application/problem+json");

        String beijing = officer("110000");
        given().auth().oauth2(beijing).queryParam("status", "PENDING").queryParam("size", 200)
                .get(API + "/consortium-invitations").then().statusCode(200).body("items.id", hasItem((int) invitation));
        given().auth().oauth2(beijing).post(API + "/consortium-invitations/" + invitation + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("health-110000"));

        given().auth().oauth2(dezhou).get(API + "/consortia/" + id).then().statusCode(200)
                .body("members.institutionCode", contains(lead, beijingHospital));
        given().auth().oauth2(staff("371402", lead)).contentType(ContentType.JSON)
                .body(consultation(id, lead, beijingHospital)).post(API + "/consultations").then().statusCode(201);
        given().auth().oauth2(beijing).post(API + "/consortium-invitations/" + invitation + "/accept").then()
                .statusCode(409).body("type", containsString("invitation-decided"));
    }

    @Test
    void aDeclinedInvitationLeavesTheInstitutionOutside() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        long invitation = enrol(dezhou, id, tianjinHospital).then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().oauth2(officer("120000")).post(API + "/consortium-invitations/" + invitation + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        given().auth().oauth2(dezhou).get(API + "/consortia/" + id).then().body("members.institutionCode", contains(leling));
        given().auth().oauth2(tianjin).get(API + "/consortia/" + id).then().statusCode(404);
        given().auth().oauth2(officer("120000")).post(API + "/consortium-invitations/" + invitation + "/accept")
                .then().statusCode(409);
    }

    @Test
    void anOfficerOfAThirdRegionNeitherSeesNorAnswersAnInvitation() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        long invitation = enrol(dezhou, id, tianjinHospital).then().statusCode(202).extract().jsonPath().getLong("id");
        String hebei = officer("130000");
        given().auth().oauth2(hebei).get(API + "/consortium-invitations/" + invitation).then().statusCode(404);
        given().auth().oauth2(hebei).post(API + "/consortium-invitations/" + invitation + "/accept").then().statusCode(404);
        given().auth().oauth2(staff("120101", tianjinHospital)).post(API + "/consortium-invitations/" + invitation + "/accept")
                .then().statusCode(403);
        given().auth().oauth2(hebei).queryParam("size", 200).get(API + "/consortium-invitations").then().statusCode(200)
                .body("items.id", not(hasItem((int) invitation)));
    }

    @Test
    void anInstitutionTheLeadsOfficerCoversJoinsAtOnce() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        String dechengHospital = institution("371402", "德州市中医院");
        enrol(dezhou, id, dechengHospital).then().statusCode(201)
                .body("members.institutionCode", contains(leling, dechengHospital));
    }

    @Test
    void changesNeedTheCurrentETag() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        String etag = given().auth().oauth2(dezhou).get(API + "/consortia/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        Map<String, Object> renamed = Map.of("name", "德州—乐陵医联体", "kind", "MEDICAL_CONSORTIUM", "leadCode", leling);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(renamed).put(API + "/consortia/" + id)
                .then().statusCode(428);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).header("If-Match", etag).body(renamed)
                .put(API + "/consortia/" + id).then().statusCode(200).body("name", equalTo("德州—乐陵医联体"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).header("If-Match", etag).body(renamed)
                .put(API + "/consortia/" + id).then().statusCode(412);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "x", "kind", "REMOTE_NETWORK", "leadCode", leling))
                .put(API + "/consortia/" + id).then().statusCode(422);
    }

    @Test
    void cooperationItemsOnlyMoveForward() {
        long id = consortium(dezhou, "MEDICAL_CONSORTIUM", leling);
        join(dezhou, id, tianjinHospital);
        long item = given().auth().oauth2(tianjin).contentType(ContentType.JSON)
                .body(Map.of("title", "远程影像诊断中心", "startDate", "2026-01-01"))
                .post(API + "/consortia/" + id + "/items").then().statusCode(201)
                .body("status", equalTo("PLANNED")).extract().jsonPath().getLong("id");
        String etag = given().auth().oauth2(dezhou).get(API + "/consortia/" + id + "/items/" + item)
                .then().statusCode(200).extract().header("ETag");
        String active = given().auth().oauth2(dezhou).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "远程影像诊断中心", "status", "ACTIVE"))
                .put(API + "/consortia/" + id + "/items/" + item).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).extract().header("ETag");
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).header("If-Match", active)
                .body(Map.of("title", "远程影像诊断中心", "status", "PLANNED"))
                .put(API + "/consortia/" + id + "/items/" + item).then().statusCode(409);
        given().auth().oauth2(decheng).contentType(ContentType.JSON)
                .body(Map.of("title", "x")).post(API + "/consortia/" + id + "/items").then().statusCode(404);
        given().auth().oauth2(dezhou).get(API + "/consortia/" + id + "/items").then().statusCode(200)
                .body("title", contains("远程影像诊断中心"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "startDate", "2026-05-01", "endDate", "2026-04-01"))
                .post(API + "/consortia/" + id + "/items").then().statusCode(400);
    }

    static Stream<Arguments> invalidConsortia() {
        return Stream.of(
                invalid("an unregistered lead", t -> Map.of("name", "x", "kind", "MEDICAL_CONSORTIUM",
                        "leadCode", "C371481999999"), 422, null, null),
                invalid("a specialty alliance without its specialty", t -> Map.of("name", "x", "kind",
                        "SPECIALTY_ALLIANCE", "leadCode", t.leling), 400, "errors.field", hasItem("specialtyGiven")),
                invalid("an unknown kind", t -> Map.of("name", "x", "kind", "GUILD", "leadCode", t.leling), 400, null,
                        null),
                invalid("a blank name and a malformed lead code", t -> Map.of("name", " ", "kind", "REMOTE_NETWORK",
                        "leadCode", "lower-case"), 400, "errors.field", containsInAnyOrder("name", "leadCode")));
    }

    private static Arguments invalid(String refused, Function<ConsortiumResourceTest, Map<String, Object>> body,
                                     int status, String path, Matcher<?> says) {
        return Arguments.of(refused, body, status, path, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConsortia")
    void anInvalidConsortiumIsAProblem(String refused, Function<ConsortiumResourceTest, Map<String, Object>> body,
                                       int status, String path, Matcher<?> says) {
        ValidatableResponse answer = given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(body.apply(this))
                .post(API + "/consortia").then().statusCode(status);
        if (path == null) {
            answer.contentType("application/problem+json");
        } else {
            answer.body(path, says);
        }
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        given().auth().oauth2(dezhou).queryParam("kind", "GUILD").get(API + "/consortia").then().statusCode(400);
        given().auth().oauth2(dezhou).get(API + "/consortia/abc").then().statusCode(404);
        given().auth().oauth2(officer("99")).get(API + "/consortia").then().statusCode(403);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(List.of())
                .post(API + "/consortia").then().statusCode(400);
    }

    /** JAX-RS answered 404 to ?page=abc, as if the list did not exist; the contract says 400 for bad parameters. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "2147483648"})
    void aQueryParameterThatIsNotOfItsTypeIsA400NamingIt(String page) {
        given().auth().oauth2(dezhou).queryParam("page", page).get(API + "/consortia").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/invalid-parameter"))
                .body("detail", containsString("'page' must be an integer"));
    }
}
