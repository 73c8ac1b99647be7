package org.xietong.healthcare.expert;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.API;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.institution;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.officer;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.staff;
import static org.xietong.healthcare.fixtures.ConsortiumFixtures.with;

@QuarkusTest
class OutreachResourceTest {

    /** Ids are numbers per kind of object: a subject is one only together with its types. */
    private static final String APPOINTMENTS = "org.xietong.healthcare.appointment.*";
    private final String dezhou = officer("371400");
    private final String tianjin = officer("120000");
    private final String decheng = officer("371402");
    private final LocalDate monday = LocalDate.now(ClinicCalendar.ZONE).plusDays(7)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    private String leling;
    private String dechengHospital;
    private static String localHome;
    /** An expert of Dezhou's own region: Dezhou's officer schedules them at once. */
    private long expert;
    /** An expert from Tianjin: scheduling them in Dezhou waits for Tianjin's consent. */
    private long visitingExpert;

    @BeforeEach
    void setUp() {
        leling = institution("371481", "乐陵市人民医院");
        dechengHospital = institution("371402", "德州市中医院");
        if (localHome == null) {
            localHome = institution("371425", "齐河县人民医院");
        }
        expert = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(Map.of("name", "李医生", "title", "主任医师", "specialty", "中医内科", "homeInstitutionCode", localHome))
                .post(API + "/experts").then().statusCode(201).extract().jsonPath().getLong("id");
        String home = institution("120101", "天津中医药大学第一附属医院");
        visitingExpert = given().auth().oauth2(tianjin).contentType(ContentType.JSON)
                .body(Map.of("name", "张医生", "title", "主任医师", "specialty", "中医内科", "homeInstitutionCode", home))
                .post(API + "/experts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anExpertCannotBeInTwoPlacesInTheSameHalfDay() {
        long weekly = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(weekly(leling, monday, monday.plusWeeks(7)))
                .post(API + "/outreach-schedules").then().statusCode(201)
                .body("sessionCount", equalTo(8)).body("nextSessions[0].date", equalTo(monday.toString()))
                .extract().jsonPath().getLong("id");

        Map<String, Object> fortnightly = with(weekly(dechengHospital, monday, monday.plusWeeks(8)),
                "recurrence", "EVERY_N_DAYS", "intervalDays", 14, "weekday", null);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(fortnightly)
                .post(API + "/outreach-schedules").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(monday.toString()));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(with(fortnightly, "slot", "AFTERNOON"))
                .post(API + "/outreach-schedules").then().statusCode(201).body("sessionCount", equalTo(5));
        // One explicit date in the weekly run is enough for a conflict.
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(dechengHospital, monday.plusWeeks(3).plusDays(1), monday.plusWeeks(3)))
                .post(API + "/outreach-schedules").then().statusCode(409);

        given().auth().oauth2(dezhou).queryParam("from", monday.plusWeeks(1).toString())
                .queryParam("to", monday.plusWeeks(2).toString())
                .get(API + "/outreach-schedules/" + weekly + "/sessions").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].available", equalTo(10));
    }

    @Test
    void concurrentSchedulesForOneExpertDoNotBothPass() throws Exception {
        List<Callable<Integer>> calls = List.of(
                () -> given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                        .body(weekly(leling, monday, monday.plusWeeks(4))).post(API + "/outreach-schedules").statusCode(),
                () -> given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                        .body(weekly(dechengHospital, monday, monday.plusWeeks(4))).post(API + "/outreach-schedules").statusCode());
        List<Integer> statuses = inParallel(calls);
        assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
    }

    @Test
    void concurrentBookingsNeverExceedCapacity() throws Exception {
        long session = firstSession(given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(leling, monday)).post(API + "/outreach-schedules"));
        String desk = staff("371481", leling);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String patient = "P-" + i;
            calls.add(() -> given().auth().oauth2(desk).contentType(ContentType.JSON)
                    .body(Map.of("patientRef", patient))
                    .post(API + "/clinic-sessions/" + session + "/appointments").statusCode());
        }
        List<Integer> statuses = inParallel(calls);
        assertEquals(10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session).then().statusCode(200)
                .body("booked", equalTo(10)).body("available", equalTo(0));

        long first = given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session + "/appointments")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
        given().auth().oauth2(desk).post(API + "/appointments/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(desk).post(API + "/appointments/" + first + "/cancel").then().statusCode(409);
        given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session).then().body("booked", equalTo(9));
        given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("patientRef", "P-late"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(201);
        given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("patientRef", "P-later"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(409)
                .body("type", containsString("session-full"));
    }

    @Test
    void aRetriedBookingWithTheSameKeyTakesOneSeat() {
        long session = firstSession(given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(leling, monday)).post(API + "/outreach-schedules"));
        String desk = staff("371481", leling);
        long id = given().auth().oauth2(desk).contentType(ContentType.JSON).header("Idempotency-Key", "book-" + session)
                .body(Map.of("patientRef", "P-9")).post(API + "/clinic-sessions/" + session + "/appointments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(desk).contentType(ContentType.JSON).header("Idempotency-Key", "book-" + session)
                .body(Map.of("patientRef", "P-9")).post(API + "/clinic-sessions/" + session + "/appointments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session).then().body("booked", equalTo(1));
        given().auth().oauth2(desk).get(API + "/appointments/" + id).then().statusCode(200)
                .body("patientRef", equalTo("P-9"));
    }

    @Test
    void aCancelledSessionCancelsItsAppointmentsAndTellsTheHostsBookingSystem() {
        long session = firstSession(given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(leling, monday)).post(API + "/outreach-schedules"));
        String desk = staff("371481", leling);
        for (String patient : List.of("P-A", "P-B")) {
            given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("patientRef", patient))
                    .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(201);
        }

        given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("reason", "专家临时因病停诊"))
                .post(API + "/clinic-sessions/" + session + "/cancel").then().statusCode(428);
        String etag = given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(desk).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "专家临时因病停诊"))
                .post(API + "/clinic-sessions/" + session + "/cancel").then().statusCode(200).header("ETag", not(etag))
                .body("status", equalTo("CANCELLED")).body("available", equalTo(0));

        given().auth().oauth2(desk).get(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(200)
                .body("status", equalTo(List.of("CANCELLED", "CANCELLED")));
        given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("patientRef", "P-C"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(409)
                .body("type", containsString("session-cancelled"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(dezhou).queryParam("subject", session).get(API + "/exchange/events").then()
                        .statusCode(200).body("events.find { it.subject == '" + session + "' && it.type == "
                                + "'org.xietong.healthcare.clinic-session.cancelled.v1' }.data.cancelledAppointments.size()",
                                equalTo(2)));
    }

    @Test
    void theExpertsHalfDayIsFreeAgainOnceTheSessionIsCancelled() {
        long session = firstSession(given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(leling, monday)).post(API + "/outreach-schedules"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "改到德州市中医院坐诊"))
                .post(API + "/clinic-sessions/" + session + "/cancel").then().statusCode(200);

        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(dates(dechengHospital, monday))
                .post(API + "/outreach-schedules").then().statusCode(201);
    }

    /** Tianjin's expert falls ill: Tianjin cancels the whole schedule; Leling's booked patient is told, the weeks freed. */
    @Test
    void aCancelledScheduleCancelsEveryComingSessionWithItsAppointments() {
        long schedule = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(weekly(leling, monday, monday.plusWeeks(3)))).post(API + "/outreach-schedules")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(200);
        var accepted = given().auth().oauth2(dezhou).get(API + "/outreach-schedules/" + schedule).then().statusCode(200)
                .extract();
        long first = accepted.jsonPath().getLong("nextSessions[0].id");
        String desk = staff("371481", leling);
        given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("patientRef", "P-S1"))
                .post(API + "/clinic-sessions/" + first + "/appointments").then().statusCode(201);
        String cancel = API + "/outreach-schedules/" + schedule + "/cancel";
        Map<String, Object> reason = Map.of("reason", "专家因病停诊");

        given().auth().oauth2(tianjin).contentType(ContentType.JSON).body(reason).post(cancel).then().statusCode(428);
        given().auth().oauth2(officer("330100")).contentType(ContentType.JSON).header("If-Match", accepted.header("ETag"))
                .body(reason).post(cancel).then().statusCode(404);
        given().auth().oauth2(tianjin).contentType(ContentType.JSON).header("If-Match", accepted.header("ETag"))
                .body(reason).post(cancel).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("专家因病停诊")).body("nextSessions.status", everyItem(equalTo("CANCELLED")));
        given().auth().oauth2(tianjin).contentType(ContentType.JSON).header("If-Match", accepted.header("ETag"))
                .body(reason).post(cancel).then().statusCode(409);

        given().auth().oauth2(desk).get(API + "/clinic-sessions/" + first + "/appointments").then().statusCode(200)
                .body("status", equalTo(List.of("CANCELLED")));
        given().auth().oauth2(dezhou).queryParam("size", 50).get(API + "/outreach-schedules/" + schedule + "/sessions")
                .then().statusCode(200).body("items.status", everyItem(equalTo("CANCELLED")))
                .body("items.size()", equalTo(4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(dezhou).queryParam("limit", 1000).get(API + "/exchange/events").then()
                        .statusCode(200).body("events.findAll { it.type == 'org.xietong.healthcare.clinic-session.cancelled.v1'"
                                + " && it.data.scheduleId == " + schedule + " }.size()", equalTo(4)));
        long elsewhere = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(weekly(dechengHospital, monday, monday.plusWeeks(3)))).post(API + "/outreach-schedules")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + elsewhere + "/accept").then().statusCode(200);
    }

    @Test
    void theExpertsHomeRegionCannotCancelTheHostsSession() {
        long schedule = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(dates(leling, monday))).post(API + "/outreach-schedules").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(200);
        long session = given().auth().oauth2(dezhou).get(API + "/outreach-schedules/" + schedule)
                .then().statusCode(200).extract().jsonPath().getLong("nextSessions[0].id");

        given().auth().oauth2(tianjin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "专家另有安排"))
                .post(API + "/clinic-sessions/" + session + "/cancel").then().statusCode(403);
    }

    @Test
    void onlyTheHostAndTheExpertsHomeSeeTheClinics() {
        long schedule = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(dates(leling, monday))).post(API + "/outreach-schedules").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(200);
        long session = given().auth().oauth2(dezhou).get(API + "/outreach-schedules/" + schedule)
                .then().statusCode(200).extract().jsonPath().getLong("nextSessions[0].id");

        given().auth().oauth2(tianjin).get(API + "/outreach-schedules/" + schedule).then().statusCode(200);
        given().auth().oauth2(tianjin).get(API + "/clinic-sessions/" + session).then().statusCode(200);
        given().auth().oauth2(staff("371481", leling)).queryParam("size", 200).get(API + "/outreach-schedules")
                .then().statusCode(200).body("items.id", hasItem((int) schedule));
        given().auth().oauth2(staff("371481", leling)).get(API + "/experts/" + visitingExpert).then().statusCode(200);
        String neighbour = institution("371481", "乐陵市中医院");
        given().auth().oauth2(staff("371481", neighbour)).queryParam("size", 200).get(API + "/outreach-schedules")
                .then().statusCode(200).body("items.id", not(hasItem((int) schedule)));
        given().auth().oauth2(staff("371481", neighbour)).get(API + "/clinic-sessions/" + session).then().statusCode(404);
        given().auth().oauth2(decheng).get(API + "/outreach-schedules/" + schedule).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(decheng).queryParam("size", 200).get(API + "/outreach-schedules").then()
                .statusCode(200).body("items.id", not(hasItem((int) schedule)));
        given().auth().oauth2(decheng).get(API + "/experts/" + visitingExpert).then().statusCode(404);
        given().auth().oauth2(dezhou).get(API + "/experts/" + visitingExpert).then().statusCode(200);

        // Writes outside the caller's scope are refused; the expert's home region reads but does not book.
        given().auth().oauth2(tianjin).contentType(ContentType.JSON).body(Map.of("patientRef", "P-1"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(403);
        given().auth().oauth2(decheng).contentType(ContentType.JSON).body(visiting(dates(leling, monday.plusDays(1))))
                .post(API + "/outreach-schedules").then().statusCode(403);
        given().auth().oauth2(staff("371402", dechengHospital)).contentType(ContentType.JSON)
                .body(Map.of("patientRef", "P-1")).post(API + "/clinic-sessions/" + session + "/appointments")
                .then().statusCode(404);
        given().auth().oauth2(staff("371481", leling)).contentType(ContentType.JSON).body(visiting(dates(leling, monday.plusDays(2))))
                .post(API + "/outreach-schedules").then().statusCode(403);
        given().auth().oauth2(decheng).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "title", "主治医师", "specialty", "儿科", "homeInstitutionCode", leling))
                .post(API + "/experts").then().statusCode(403);
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                invalid("no capacity", t -> with(t.valid(), "capacity", 0)),
                invalid("a negative capacity", t -> with(t.valid(), "capacity", -3)),
                invalid("an end before the start", t -> with(t.valid(), "endDate", t.monday.minusDays(1).toString())),
                invalid("an unknown slot", t -> with(t.valid(), "slot", "EVENING")),
                invalid("an unknown recurrence", t -> with(t.valid(), "recurrence", "MONTHLY")),
                invalid("weekly without a weekday", t -> with(t.valid(), "weekday", null)),
                invalid("a malformed host code", t -> with(t.valid(), "hostInstitutionCode", "bad code")),
                invalid("a date that does not exist", t -> with(t.valid(), "startDate", "2026-02-30")));
    }

    private static Arguments invalid(String refused, Function<OutreachResourceTest, Map<String, Object>> body) {
        return Arguments.of(refused, body);
    }

    private Map<String, Object> valid() {
        return weekly(leling, monday, monday.plusWeeks(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchedules")
    void anInvalidScheduleIsAProblem(String refused, Function<OutreachResourceTest, Map<String, Object>> body) {
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(body.apply(this))
                .post(API + "/outreach-schedules").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Map<String, Object> ok = valid();
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(with(ok, "startDate", LocalDate.now(ClinicCalendar.ZONE).minusDays(14).toString()))
                .post(API + "/outreach-schedules").then().statusCode(422).body("type", containsString("in-the-past"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(with(ok, "hostInstitutionCode", "C371481999999"))
                .post(API + "/outreach-schedules").then().statusCode(422).body("type", containsString("unknown-institution"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(with(ok, "expertId", 999_999_999))
                .post(API + "/outreach-schedules").then().statusCode(422).body("type", containsString("unknown-expert"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(with(ok, "weekday", "SUNDAY", "endDate", monday.plusDays(5).toString()))
                .post(API + "/outreach-schedules").then().statusCode(422);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "title", "x", "specialty", "x", "homeInstitutionCode", "C371481999999"))
                .post(API + "/experts").then().statusCode(422);
        given().auth().oauth2(dezhou).queryParam("from", "yesterday").get(API + "/outreach-schedules/1/sessions")
                .then().statusCode(400);

        long session = firstSession(given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(leling, monday)).post(API + "/outreach-schedules"));
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(Map.of("patientRef", "110101199003071234"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(400);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(Map.of("patientRef", "张三"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(400);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(Map.of("patientRef", "P-1"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(201);
        given().auth().oauth2(dezhou).contentType(ContentType.JSON).body(Map.of("patientRef", "P-1"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(409);
    }

    @Test
    void aScheduleWithoutAStartDateIsRefusedAndCreatesNothing() {
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(with(weekly(leling, monday, monday), "startDate", null, "endDate", "2060-12-31"))
                .post(API + "/outreach-schedules").then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("start-date-required")).body("detail", containsString("startDate"));
        given().auth().oauth2(dezhou).queryParam("expert", expert).get(API + "/outreach-schedules").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aScheduleRunningToTheYear9999IsRefusedNamingTheBound() {
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(weekly(leling, monday, LocalDate.of(9999, 12, 31)))
                .post(API + "/outreach-schedules").then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("schedule-too-long"))
                .body("detail", containsString(monday.plusYears(1).toString()));
        given().auth().oauth2(dezhou).queryParam("expert", expert).get(API + "/outreach-schedules").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aScheduleOneDayLongerThanAYearIsRefused() {
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(weekly(leling, monday, monday.plusYears(1).plusDays(1)))
                .post(API + "/outreach-schedules").then().statusCode(422).body("type", containsString("schedule-too-long"));
    }

    @Test
    void aScheduleOfExactlyOneYearIsAccepted() {
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(weekly(leling, monday, monday.plusYears(1)))
                .post(API + "/outreach-schedules").then().statusCode(201)
                .body("startDate", equalTo(monday.toString())).body("endDate", equalTo(monday.plusYears(1).toString()))
                .body("sessionCount", equalTo(53));
    }

    @Test
    void datesMoreThanAYearAfterTheStartAreRefused() {
        given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(dates(leling, monday, monday.plusYears(2)))
                .post(API + "/outreach-schedules").then().statusCode(422).body("type", containsString("dates-outside-range"));
    }

    @Test
    void anotherRegionsExpertIsOnlyRequestedUntilTheirOfficerAccepts() {
        Response requested = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(weekly(leling, monday, monday.plusWeeks(3)))).post(API + "/outreach-schedules");
        requested.then().statusCode(202).body("status", equalTo("PENDING")).body("sessionCount", equalTo(0))
                .body("requestedBy", equalTo("health-371400"));
        long schedule = requested.jsonPath().getLong("id");
        given().auth().oauth2(tianjin).get(API + "/outreach-schedules/" + schedule + "/sessions").then().statusCode(200)
                .body("total", equalTo(0));
        // The host's side asked; it does not answer for the expert's region.
        given().auth().oauth2(dezhou).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("decidedBy", equalTo("health-120000"))
                .body("sessionCount", equalTo(4)).body("nextSessions[0].date", equalTo(monday.toString()));
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(409)
                .body("type", containsString("schedule-decided"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(tianjin).queryParam("subject", schedule)
                        .queryParam("types", "org.xietong.healthcare.outreach-schedule.*").get(API + "/exchange/events").then()
                        .statusCode(200).body("events.type", equalTo(List.of(
                                "org.xietong.healthcare.outreach-schedule.requested.v1",
                                "org.xietong.healthcare.outreach-schedule.activated.v1")))
                        .body("events[1].data.expertRegion", equalTo("120101"))
                        .body("events[1].data.hostRegion", equalTo("371481")));
    }

    @Test
    void bookingsArePublishedToTheHostsRegionAloneWithoutThePatient() {
        long schedule = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(dates(leling, monday))).post(API + "/outreach-schedules").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        long session = given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept")
                .then().statusCode(200).extract().jsonPath().getLong("nextSessions[0].id");
        String desk = staff("371481", leling);
        long appointment = given().auth().oauth2(desk).contentType(ContentType.JSON).body(Map.of("patientRef", "P-PUSH-1"))
                .post(API + "/clinic-sessions/" + session + "/appointments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(desk).post(API + "/appointments/" + appointment + "/cancel").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(dezhou).queryParam("subject", session).queryParam("types", APPOINTMENTS)
                        .get(API + "/exchange/events").then().statusCode(200).body("events.type", equalTo(List.of(
                                "org.xietong.healthcare.appointment.booked.v1",
                                "org.xietong.healthcare.appointment.cancelled.v1")))
                        .body("events.data.booked", equalTo(List.of(1, 0)))
                        .body("events.regioncodes", equalTo(List.of("371481", "371481")))
                        .body("events.data.toString()", not(containsString("P-PUSH-1"))));
        given().auth().oauth2(tianjin).queryParam("subject", session).queryParam("types", APPOINTMENTS)
                .get(API + "/exchange/events").then().statusCode(200).body("events", empty());
    }

    @Test
    void aDeclinedScheduleNeverGetsSessions() {
        long schedule = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(dates(leling, monday))).post(API + "/outreach-schedules").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("sessionCount", equalTo(0));
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(409);
    }

    @Test
    void acceptanceChecksTheExpertIsStillFree() {
        long first = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(weekly(leling, monday, monday.plusWeeks(2)))).post(API + "/outreach-schedules")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        long second = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(weekly(dechengHospital, monday, monday.plusWeeks(2)))).post(API + "/outreach-schedules")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + first + "/accept").then().statusCode(200);
        given().auth().oauth2(tianjin).post(API + "/outreach-schedules/" + second + "/accept").then().statusCode(409)
                .body("type", containsString("expert-double-booked"));
    }

    @Test
    void anOfficerOfAThirdRegionNeitherSeesNorAcceptsARequest() {
        long schedule = given().auth().oauth2(dezhou).contentType(ContentType.JSON)
                .body(visiting(dates(leling, monday))).post(API + "/outreach-schedules").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        String hebei = officer("130000");
        given().auth().oauth2(hebei).get(API + "/outreach-schedules/" + schedule).then().statusCode(404);
        given().auth().oauth2(hebei).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(404);
        given().auth().oauth2(decheng).post(API + "/outreach-schedules/" + schedule + "/accept").then().statusCode(404);
    }

    private Map<String, Object> visiting(Map<String, Object> body) {
        return with(body, "expertId", visitingExpert);
    }

    private Map<String, Object> weekly(String host, LocalDate start, LocalDate end) {
        Map<String, Object> body = new HashMap<>();
        body.put("expertId", expert);
        body.put("hostInstitutionCode", host);
        body.put("recurrence", "WEEKLY");
        body.put("weekday", start.getDayOfWeek().name());
        body.put("slot", "MORNING");
        body.put("capacity", 10);
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        return body;
    }

    private Map<String, Object> dates(String host, LocalDate... dates) {
        return with(weekly(host, dates[0], dates[0]), "recurrence", "DATES", "weekday", null, "startDate", Collections.min(List.of(dates)).toString(),
                "endDate", null, "dates", List.of(dates).stream().map(LocalDate::toString).toList());
    }

    private static long firstSession(Response created) {
        return created.then().statusCode(201).extract().jsonPath().getLong("nextSessions[0].id");
    }

    /** Runs the calls at the same moment and returns their results. */
    private static List<Integer> inParallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
