package org.xietong.pairing.facility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 北京日坛中学's farm base shared with its partner 穆家峪中学: booked by slot, never over capacity. */
@QuarkusTest
class SharedFacilityResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String OWNER_ADMIN = TestTokens.user("school-9901", "school-admin").region("110105").school("1111019901").sign();
    private static final String PARTNER_ADMIN = TestTokens.user("school-9902", "school-admin").region("110118").school("1111089902").sign();
    private static final String STRANGER_ADMIN = TestTokens.user("school-9903", "school-admin").region("110118").school("1111089903").sign();

    @Test
    void partnersBookSlotsAndNobodyOverbooksEvenAllAtOnce() throws Exception {
        school("1111019901", "北京市日坛中学", "110105", "URBAN");
        school("1111089902", "密云区穆家峪中学", "110118", "TOWNSHIP");
        school("1111089903", "密云区另一所中学", "110118", "TOWNSHIP");
        String pairing = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "HAND_IN_HAND", "supportingParty", "1111019901", "supportedParty", "1111089902"))
                .post("/api/v1/pairing/pairings").then().statusCode(201).extract().path("id");
        for (String side : List.of("SUPPORTING", "SUPPORTED")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("side", side))
                    .post("/api/v1/pairing/pairings/" + pairing + "/approvals").then().statusCode(200);
        }

        String resource = given().auth().oauth2(OWNER_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("ownerSchool", "1111019901", "name", "日坛中学劳动实践基地", "kind", "FARM"))
                .post("/api/v1/pairing/resources").then().statusCode(201).extract().path("id");
        given().auth().oauth2(PARTNER_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("ownerSchool", "1111019901", "name", "冒名资源", "kind", "LAB"))
                .post("/api/v1/pairing/resources").then().statusCode(403);
        String slot = given().auth().oauth2(OWNER_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2026-12-05T09:00:00+08:00", "endsAt", "2026-12-05T11:30:00+08:00", "capacity", 5))
                .post("/api/v1/pairing/resources/" + resource + "/slots").then().statusCode(201)
                .extract().path("slots[0].id");
        given().auth().oauth2(OWNER_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2026-12-06T09:00:00+08:00", "endsAt", "2026-12-06T08:00:00+08:00", "capacity", 5))
                .post("/api/v1/pairing/resources/" + resource + "/slots").then().statusCode(422);
        given().auth().oauth2(OWNER_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2026-12-05T09:00:00+08:00", "endsAt", "2026-12-05T10:00:00+08:00", "capacity", 5))
                .post("/api/v1/pairing/resources/" + resource + "/slots").then().statusCode(409);

        given().auth().oauth2(PARTNER_ADMIN).get("/api/v1/pairing/resources?owner=1111019901").then().statusCode(200)
                .body("[0].name", equalTo("日坛中学劳动实践基地"));
        given().auth().oauth2(STRANGER_ADMIN).get("/api/v1/pairing/resources?owner=1111019901").then().statusCode(404);
        book(STRANGER_ADMIN, resource, slot, "1111089903", 1).then().statusCode(403);
        book(PARTNER_ADMIN, resource, slot, "1111089903", 1).then().statusCode(403);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> book(PARTNER_ADMIN, resource, slot, "1111089902", 1).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(attempts)) {
                statuses.add(answer.get());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(OWNER_ADMIN).get("/api/v1/pairing/resources?owner=1111019901").then().statusCode(200)
                .body("[0].slots[0].booked", equalTo(5));
        book(PARTNER_ADMIN, resource, slot, "1111089902", 0).then().statusCode(400);
    }

    /** 北京市第八十中学's lab, shared with its partner 密云区不老屯中学: a called-off visit frees its places. */
    @Test
    void aCancelledBookingFreesItsPlacesAndIsPublishedWithItsReason() {
        school("1111019911", "北京市第八十中学", "110105", "URBAN");
        school("1111089912", "密云区不老屯中学", "110118", "TOWNSHIP");
        String owner = TestTokens.user("school-9911", "school-admin").region("110105").school("1111019911").sign();
        String partner = TestTokens.user("school-9912", "school-admin").region("110118").school("1111089912").sign();
        String pairing = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "HAND_IN_HAND", "supportingParty", "1111019911", "supportedParty", "1111089912"))
                .post("/api/v1/pairing/pairings").then().statusCode(201).extract().path("id");
        for (String side : List.of("SUPPORTING", "SUPPORTED")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("side", side))
                    .post("/api/v1/pairing/pairings/" + pairing + "/approvals").then().statusCode(200);
        }
        String resource = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("ownerSchool", "1111019911", "name", "八十中创客实验室", "kind", "LAB"))
                .post("/api/v1/pairing/resources").then().statusCode(201).extract().path("id");
        String slot = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2027-04-10T09:00:00+08:00", "endsAt", "2027-04-10T11:00:00+08:00", "capacity", 30))
                .post("/api/v1/pairing/resources/" + resource + "/slots").then().statusCode(201)
                .extract().path("slots[0].id");
        String booking = book(partner, resource, slot, "1111089912", 30).then().statusCode(201).body("version", equalTo(0))
                .extract().path("id");
        book(partner, resource, slot, "1111089912", 1).then().statusCode(409);
        String cancel = "/api/v1/pairing/resources/" + resource + "/slots/" + slot + "/bookings/" + booking + "/cancel";

        given().auth().oauth2(STRANGER_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "冒名取消")).post(cancel).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("reason", "大雪封路，研学改期"))
                .post(cancel).then().statusCode(428);
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "大雪封路，研学改期")).post(cancel).then().statusCode(200)
                .body("cancelReason", equalTo("大雪封路，研学改期")).body("cancelledAt", notNullValue());
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "再次取消")).post(cancel).then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(owner).get("/api/v1/pairing/resources?owner=1111019911").then().statusCode(200)
                .body("[0].slots[0].booked", equalTo(0));
        book(partner, resource, slot, "1111089912", 30).then().statusCode(201);
        given().auth().oauth2(ADMIN).queryParam("entity", "shared-resource").queryParam("id", resource)
                .get("/api/v1/pairing/audit").then().statusCode(200)
                .body("items.find { it.action == 'resource.booking-cancelled' }.summary.reason", equalTo("大雪封路，研学改期"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE type = ?1 AND subject = ?2")
                .setParameter(1, "org.xietong.pairing.facility-booking.cancelled.v1").setParameter(2, resource)
                .getSingleResult()).longValue()));
    }

    @Inject
    EntityManager em;

    private static io.restassured.response.Response book(String token, String resource, String slot, String school, int places) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("school", school, "places", places))
                .post("/api/v1/pairing/resources/" + resource + "/slots/" + slot + "/bookings");
    }

    private static void school(String code, String name, String region, String location) {
        SchoolFixtures.register(ADMIN, code, name, region, location).then().statusCode(201);
    }
}
