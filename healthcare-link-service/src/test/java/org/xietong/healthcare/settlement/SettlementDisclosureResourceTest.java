package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionLevel;
import org.xietong.healthcare.institution.InstitutionType;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.SettlementFixtures.ADMIN;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.bill;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

/**
 * Issue 17, item 4: a Fenyang (141182) insured person treated in Leling (371481). The hospital's staff quote a bill and
 * learn this bill's figures and the rules, never the person's yearly sums; the home insurer still sees them; every
 * quote leaves an audit entry on the person, without figures.
 */
@QuarkusTest
class SettlementDisclosureResourceTest {

    private static final String LELING = "371481";
    private static final String LELING_HOSPITAL = "S3714810001";
    private static final String STAFF = TestTokens.user("hospital-leling", "institution-staff").region(LELING)
            .institution(LELING_HOSPITAL).sign();
    private static final String HOME_INSURER = officer(Fixtures.FENYANG);
    private static final ObjectMapper JSON = new ObjectMapper();

    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        QuarkusTransaction.requiringNew().run(() -> {
            if (Institution.findById(LELING_HOSPITAL) == null) {
                Institution i = new Institution();
                i.code = LELING_HOSPITAL;
                i.name = "乐陵市人民医院";
                i.regionCode = LELING;
                i.level = InstitutionLevel.TWO_A;
                i.type = InstitutionType.GENERAL;
                i.capabilities = new String[]{};
                i.persist();
            }
        });
        as(ADMIN).body(SettlementFixtures.catalog()).put(API + "/catalogs/" + LELING + "/items").then().statusCode(200);
        person = "FY-" + UUID.randomUUID().toString().substring(0, 8);
        // A year so far at home: a tier-3 admission in Fenyang of 1234.56 (fund 140.74, burden 1093.82).
        as(ADMIN).body(bill(person, Fixtures.FENYANG, Fixtures.FENYANG_HOSPITAL, "INPATIENT", "2025-02-03", null,
                Map.of("itemCode", "A001", "amount", new BigDecimal("1234.56")))).post(API + "/settlements")
                .then().statusCode(201);
    }

    /** A 1-yuan outpatient bill at Leling's hospital, on the person's Fenyang insurance. */
    private Map<String, Object> oneYuanInLeling(String personId) {
        Map<String, Object> bill = new HashMap<>(bill(personId, Fixtures.FENYANG, LELING_HOSPITAL, "INPATIENT",
                "2025-03-10", null, Map.of("itemCode", "A001", "amount", new BigDecimal("1.00"))));
        Map<String, Object> visit = new HashMap<>(Map.of("treatmentRegion", LELING, "institutionCode", LELING_HOSPITAL,
                "kind", "INPATIENT", "date", "2025-03-10"));
        bill.put("visit", visit);
        return bill;
    }

    /** The person's non-zero yearly figures, as the home insurer reads them for the same bill. */
    private List<String> yearlyFigures() {
        JsonPath home = as(HOME_INSURER).body(oneYuanInLeling(person)).post(API + "/settlements/quote")
                .then().statusCode(200).extract().jsonPath();
        List<String> figures = new ArrayList<>();
        for (String side : List.of("accumulatorsBefore", "accumulatorsAfter")) {
            Map<String, Object> sums = home.getMap(side);
            sums.values().stream().map(v -> new BigDecimal(v.toString()))
                    .filter(v -> v.signum() != 0).map(v -> v.setScale(2).toPlainString()).forEach(figures::add);
        }
        return figures;
    }

    @Test
    void aRecordedSettlementIsPublishedToTheHomeRegionAloneWithoutThePerson() {
        String id = as(STAFF).body(oneYuanInLeling(person)).post(API + "/settlements").then().statusCode(201)
                .extract().path("id");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                as(HOME_INSURER).queryParam("subject", id).get(API + "/exchange/events").then().statusCode(200)
                        .body("events.type", org.hamcrest.Matchers.contains("org.xietong.healthcare.settlement.recorded.v1"))
                        .body("events[0].regioncodes", org.hamcrest.Matchers.equalTo(Fixtures.FENYANG))
                        .body("events[0].data.treatmentRegion", org.hamcrest.Matchers.equalTo(LELING))
                        .body("events[0].data.total", comparesEqualTo(new BigDecimal("1.00")))
                        .body("events[0].data.toString()", org.hamcrest.Matchers.not(containsString(person))));
        as(officer(LELING)).queryParam("subject", id).get(API + "/exchange/events").then().statusCode(200)
                .body("events", org.hamcrest.Matchers.empty());
    }

    @Test
    void aHospitalOfTheTreatmentRegionReadsNoAccumulatorFigureInTheExplanations() {
        List<String> yearly = yearlyFigures();
        assertTrue(yearly.contains("140.74") && yearly.contains("1093.82"), yearly.toString());
        JsonPath quote = as(STAFF).body(oneYuanInLeling(person)).post(API + "/settlements/quote")
                .then().statusCode(200).body("accumulatorsBefore", nullValue()).body("accumulatorsAfter", nullValue())
                .body("total", comparesEqualTo(new BigDecimal("1.00"))).extract().jsonPath();
        Map<String, String> explanations = quote.getMap("explanations");
        assertEquals(List.of("total", "outOfScope", "eligible", "deductible", "basicFund", "seriousIllness",
                "medicalAssistance", "fallback", "patientPays"), new ArrayList<>(explanations.keySet()));
        explanations.forEach((figure, text) -> {
            for (String sum : yearly) {
                assertFalse(text.contains(sum), figure + " gives away " + sum + ": " + text);
            }
            assertFalse(text.matches("(?s).*(already used|paid before|used before| left).*"), figure + ": " + text);
        });
        assertTrue(explanations.get("basicFund").contains("yearly ceiling"), explanations.get("basicFund"));
    }

    @Test
    void theHomeInsurerStillReadsTheYearInTheExplanations() {
        as(HOME_INSURER).body(oneYuanInLeling(person)).post(API + "/settlements/quote").then().statusCode(200)
                .body("accumulatorsBefore.basicFundUsed", comparesEqualTo(new BigDecimal("140.74")))
                .body("explanations.basicFund", containsString("140.74 used before"))
                .body("explanations.seriousIllness", containsString("from 1093.82"));
    }

    @Test
    void aQuoteIsAuditedOnThePersonWithoutFigures() {
        as(STAFF).body(oneYuanInLeling(person)).post(API + "/settlements/quote").then().statusCode(200);
        JsonPath trail = as(HOME_INSURER).queryParam("entity", "insured-person")
                .queryParam("id", Fixtures.FENYANG + ":" + person).get(API + "/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("settlement.quoted"), trail.getList("items.action"));
        assertEquals("hospital-leling", trail.getString("items[0].actor"));
        Map<String, Object> summary = trail.getMap("items[0].summary");
        assertEquals(LELING_HOSPITAL, summary.get("institution"));
        assertEquals(LELING, summary.get("treatmentRegion"));
        assertFalse(summary.toString().contains("1.00") || summary.containsKey("basicFund"), summary.toString());
    }

    @Test
    void aBatchOfQuotesIsAuditedOncePerPerson() throws Exception {
        String other = person + "-B";
        String body = JSON.writeValueAsString(oneYuanInLeling(person)) + "\n"
                + JSON.writeValueAsString(oneYuanInLeling(person)) + "\n"
                + JSON.writeValueAsString(oneYuanInLeling(other)) + "\n";
        String answer = as(STAFF).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post(API + "/settlements/batch").then().statusCode(200).extract().asString();
        for (String line : answer.split("\n")) {
            Map<String, Object> result = JSON.readValue(line, new TypeReference<Map<String, Object>>() {
            });
            assertEquals(200, result.get("status"), line);
            assertFalse(line.contains("140.74") || line.contains("1093.82"), line);
        }
        for (String who : List.of(person, other)) {
            as(HOME_INSURER).queryParam("entity", "insured-person").queryParam("id", Fixtures.FENYANG + ":" + who)
                    .get(API + "/audit").then().statusCode(200).body("items.size()", comparesEqualTo(1))
                    .body("items[0].summary.batch", comparesEqualTo(true));
        }
    }
}
