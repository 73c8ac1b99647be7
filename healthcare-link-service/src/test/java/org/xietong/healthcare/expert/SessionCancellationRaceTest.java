package org.xietong.healthcare.expert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.API;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.institution;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.officer;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.staff;

/**
 * A booking that has taken its seat but not yet committed when the host cancels the session: the cancellation
 * waits for it, so the patient is cancelled with the others and named in the event. Before, the cancellation read
 * the booked appointments without waiting and left this one BOOKED in a cancelled session, its patient never told.
 * Ningjin (371422), used by no other test class.
 */
@QuarkusTest
class SessionCancellationRaceTest {

    @Inject
    EntityManager em;

    @Test
    void aBookingCommittingDuringTheCancellationIsCancelledAndNamed() throws Exception {
        String ningjin = officer("371422");
        String hospital = institution("371422", "宁津县人民医院");
        String home = institution("371422", "宁津县中医院");
        long expert = given().auth().oauth2(ningjin).contentType(ContentType.JSON)
                .body(Map.of("name", "王医生", "title", "主任医师", "specialty", "肾内科", "homeInstitutionCode", home))
                .post(API + "/experts").then().statusCode(201).extract().jsonPath().getLong("id");
        LocalDate monday = LocalDate.now(ClinicCalendar.ZONE).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Map<String, Object> schedule = new HashMap<>(Map.of("expertId", expert, "hostInstitutionCode", hospital,
                "recurrence", "DATES", "slot", "MORNING", "capacity", 10, "startDate", monday.toString(),
                "dates", List.of(monday.toString())));
        long session = given().auth().oauth2(ningjin).contentType(ContentType.JSON).body(schedule)
                .post(API + "/outreach-schedules").then().statusCode(201).extract().jsonPath().getLong("nextSessions[0].id");
        String desk = staff("371422", hospital);
        String etag = given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session).then().statusCode(200)
                .extract().header("ETag");

        // A booking as the service makes it (seat taken, appointment written), held open while the host cancels.
        CountDownLatch seatTaken = new CountDownLatch(1);
        CompletableFuture<Long> booking = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("UPDATE clinic_session SET booked = booked + 1 WHERE id = ?1").setParameter(1, session)
                    .executeUpdate();
            long id = ((Number) em.createNativeQuery("INSERT INTO appointment (session_id, patient_ref, status, "
                            + "booked_by, created_at) VALUES (?1, 'NJ-RACE', 'BOOKED', 'desk', now()) RETURNING id")
                    .setParameter(1, session).getSingleResult()).longValue();
            seatTaken.countDown();
            Thread.sleep(1500);
            return id;
        }));
        assertTrue(seatTaken.await(10, TimeUnit.SECONDS));

        given().auth().oauth2(desk).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "专家临时停诊")).post(API + "/clinic-sessions/" + session + "/cancel")
                .then().statusCode(200);
        long appointment = booking.get(10, TimeUnit.SECONDS);

        assertEquals("CANCELLED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT status FROM appointment WHERE id = ?1").setParameter(1, appointment).getSingleResult()));
        String named = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT (data -> 'cancelledAppointments')::text FROM outbox_event WHERE subject = ?1 "
                                + "AND type = 'org.xietong.healthcare.clinic-session.cancelled.v1'")
                .setParameter(1, String.valueOf(session)).getSingleResult());
        assertEquals("[" + appointment + "]", named);
    }
}
