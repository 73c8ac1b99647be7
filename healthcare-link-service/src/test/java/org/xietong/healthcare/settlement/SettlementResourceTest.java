package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.healthcare.settlement.SettlementFixtures.ADMIN;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.bill;
import static org.xietong.healthcare.settlement.SettlementFixtures.dialysis;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

@QuarkusTest
class SettlementResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        person = "ST-" + UUID.randomUUID().toString().substring(0, 8);
        SettlementFixtures.certifyDialysis(person, person + "-R");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void policiesAndCatalogsAreManagedInTheirRegionOnly() {
        String luliang = officer("141100");
        Response read = as(luliang).get(API + "/settlement-policies/" + Fixtures.FENYANG);
        read.then().statusCode(200).body("definedBy", equalTo(Fixtures.FENYANG))
                .body("policy.lines.size()", equalTo(8));
        as(luliang).body(Fixtures.shanxi()).put(API + "/settlement-policies/" + Fixtures.FENYANG)
                .then().statusCode(428).contentType(PROBLEM);
        as(luliang).header("If-Match", read.header("ETag")).body(Fixtures.shanxi())
                .put(API + "/settlement-policies/" + Fixtures.FENYANG).then().statusCode(200);
        as(officer("330100")).body(Fixtures.shanxi()).put(API + "/settlement-policies/" + Fixtures.FENYANG)
                .then().statusCode(403).contentType(PROBLEM);
        String health = TestTokens.user("health-fenyang", "health-officer").region(Fixtures.FENYANG).sign();
        as(health).body(Fixtures.shanxi()).put(API + "/settlement-policies/" + Fixtures.FENYANG)
                .then().statusCode(403).contentType(PROBLEM);
        as(luliang).get(API + "/settlement-policies/330102").then().statusCode(404).contentType(PROBLEM);

        as(health).body(Map.of("items", List.of(Map.of("code", "S-LOCAL-1", "name", "本地项目", "itemClass", "B",
                "selfPayPercent", 15)))).put(API + "/catalogs/" + Fixtures.FENYANG + "/items").then().statusCode(200);
        as(officer("330100")).get(API + "/catalogs/" + Fixtures.FENYANG + "/items/S-LOCAL-1")
                .then().statusCode(200).body("itemClass", equalTo("B")).body("selfPayPercent", comparesEqualTo(yuan("15")));
        as(officer("330100")).body(SettlementFixtures.catalog()).put(API + "/catalogs/" + Fixtures.FENYANG + "/items")
                .then().statusCode(403).contentType(PROBLEM);
        as(ADMIN).get(API + "/catalogs/" + Fixtures.FENYANG + "/items/NOPE").then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).body(SettlementFixtures.catalog()).put(API + "/catalogs/14118/items").then().statusCode(400)
                .contentType(PROBLEM);
        as(ADMIN).body(Map.of("items", List.of(Map.of("code", "X1", "name", "x", "itemClass", "D"))))
                .put(API + "/catalogs/" + Fixtures.FENYANG + "/items").then().statusCode(400).contentType(PROBLEM);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/settlement-policies/14118", "/settlement-policies/ABCDEF",
            "/catalogs/1411820/items/HD-0001", "/catalogs/141182/items/-HD"})
    void aRegionOrItemCodeInThePathThatCannotBeOneIsRefusedAsInvalid(String path) {
        as(ADMIN).get(API + path).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aSecondSessionOfTheYearFindsTheDeductibleUsed() {
        String officer = officer("141100");
        as(officer).body(dialysis(person, "2025-03-03")).post(API + "/settlements/quote")
                .then().statusCode(200).body("patientPays", comparesEqualTo(yuan("35.00")))
                .body("fallback", comparesEqualTo(yuan("308.05")))
                .body("explanations.deductible", containsString("300"));
        String id = as(officer).body(dialysis(person, "2025-03-03")).post(API + "/settlements")
                .then().statusCode(201).body("deductible", comparesEqualTo(yuan("300.00")))
                .extract().path("id");
        as(officer).body(dialysis(person, "2025-03-05")).post(API + "/settlements")
                .then().statusCode(201).body("deductible", comparesEqualTo(yuan("0.00")))
                .body("basicFund", comparesEqualTo(yuan("274.95"))).body("fallback", comparesEqualTo(yuan("113.05")))
                .body("patientPays", comparesEqualTo(yuan("35.00")))
                .body("accumulatorsBefore.deductibleUsed", comparesEqualTo(yuan("300.00")));
        as(officer).get(API + "/settlements/" + id).then().statusCode(200)
                .body("total", comparesEqualTo(yuan("423.00"))).body("basicFund", comparesEqualTo(yuan("79.95")));
        // Another province sees neither the bill nor may it settle Fenyang's.
        as(officer("330000")).get(API + "/settlements/" + id).then().statusCode(404).contentType(PROBLEM);
        as(officer("330000")).body(dialysis(person, "2025-03-05")).post(API + "/settlements/quote")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void institutionStaffSettleTheirOwnInstitutionsBillsOnly() {
        String own = TestTokens.user("staff-fy", "institution-staff").region(Fixtures.FENYANG)
                .institution(Fixtures.FENYANG_HOSPITAL).sign();
        String other = TestTokens.user("staff-tcm", "institution-staff").region(Fixtures.FENYANG)
                .institution(Fixtures.FENYANG_TCM).sign();
        as(own).body(dialysis(person, "2025-04-01")).post(API + "/settlements/quote").then().statusCode(200);
        as(other).body(dialysis(person, "2025-04-01")).post(API + "/settlements/quote").then().statusCode(403)
                .contentType(PROBLEM);
        String health = TestTokens.user("health-fenyang", "health-officer").region(Fixtures.FENYANG).sign();
        as(health).body(dialysis(person, "2025-04-01")).post(API + "/settlements/quote").then().statusCode(403);
    }

    static Stream<Arguments> badBills() {
        return Stream.of(
                bad("a negative amount", person -> bill(person, Fixtures.FENYANG, Fixtures.FENYANG_HOSPITAL, "INPATIENT",
                        "2025-05-01", null, Map.of("itemCode", "A001", "amount", new BigDecimal("-5.00"))),
                        400, "errors[0].field", "amount"),
                bad("an item not in the catalog", person -> bill(person, Fixtures.FENYANG, Fixtures.FENYANG_HOSPITAL,
                        "INPATIENT", "2025-05-01", null, Map.of("itemCode", "NOT-IN-CATALOG", "amount",
                                new BigDecimal("5.00"))), 400, "type", "unknown-item"),
                bad("a visit in the future", person -> dialysis(person, "2999-01-01"), 400, null, null),
                bad("a home region of five digits", person -> bill(person, "14118", Fixtures.FENYANG_HOSPITAL, "INPATIENT",
                        "2025-05-01", null, Map.of("itemCode", "A001", "amount", new BigDecimal("5.00"))),
                        400, "errors[0].field", "homeRegion"),
                bad("a home region without a policy", person -> SettlementFixtures.claiming(bill(person, "330100",
                        Fixtures.FENYANG_HOSPITAL, "INPATIENT", "2025-05-01", null,
                        Map.of("itemCode", "A001", "amount", new BigDecimal("5.00"))), null), 422, "type", "no-settlement-policy"),
                bad("an unregistered institution", person -> bill(person, Fixtures.FENYANG, "S1411829999", "INPATIENT",
                        "2025-05-01", null, Map.of("itemCode", "A001", "amount", new BigDecimal("5.00"))),
                        422, null, null),
                bad("a body cut short", person -> "{\"insured\": ", 400, null, null));
    }

    private static Arguments bad(String refused, Function<String, Object> body, int status, String path, String says) {
        return Arguments.of(refused, body, status, path, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBills")
    void aBadBillIsAProblemNeverAServerError(String refused, Function<String, Object> body, int status, String path,
                                             String says) {
        ValidatableResponse answer = as(ADMIN).body(body.apply(person)).post(API + "/settlements/quote").then()
                .statusCode(status).contentType(PROBLEM);
        if (path != null) {
            answer.body(path, containsString(says));
        }
    }

    @Test
    void anUnknownSettlementIsNotFound() {
        as(ADMIN).get(API + "/settlements/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void concurrentSettlementsOfOnePersonNeverDoubleSpend() throws Exception {
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(() -> as(ADMIN).body(dialysis(person, "2025-06-02")).post(API + "/settlements")
                        .then().statusCode(201).extract().jsonPath().getMap(""));
            }
            BigDecimal deductibles = BigDecimal.ZERO;
            BigDecimal funds = BigDecimal.ZERO;
            for (Future<Map<String, Object>> result : pool.invokeAll(calls)) {
                Map<String, Object> settlement = result.get();
                deductibles = deductibles.add(new BigDecimal(settlement.get("deductible").toString()));
                funds = funds.add(new BigDecimal(settlement.get("basicFund").toString()));
                assertEquals(0, new BigDecimal(settlement.get("patientPays").toString()).compareTo(yuan("35.00")));
            }
            // One session carries the 300 deductible (fund 79.95), seven do not (274.95 each).
            assertEquals(0, deductibles.compareTo(yuan("300.00")), deductibles.toPlainString());
            assertEquals(0, funds.compareTo(yuan("2004.60")), funds.toPlainString());
        } finally {
            pool.shutdownNow();
        }
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT deductible_used, basic_fund_used FROM settlement_accumulator WHERE person_id = ?1 AND year = 2025")
                .setParameter(1, person).getSingleResult());
        assertEquals(0, ((BigDecimal) row[0]).compareTo(yuan("300.00")));
        assertEquals(0, ((BigDecimal) row[1]).compareTo(yuan("2004.60")));
    }

    @Test
    void aRecordFlagThatIsNeitherTrueNorFalseIsRefusedRatherThanReadAsADryRun() throws Exception {
        String partner = TestTokens.user("partner-140000", "partner-system", "healthcare:settle").region("140000")
                .client("partner-140000").sign();
        as(partner).contentType("application/x-ndjson").body(json(dialysis("FY-FLAG", "2025-07-01")).getBytes(StandardCharsets.UTF_8))
                .queryParam("record", "maybe").post(API + "/settlements/batch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("record"));
    }

    @Test
    void aBatchAnswersEveryBillAndABadLineDoesNotStopIt() throws Exception {
        String partner = TestTokens.user("partner-140000", "partner-system", "healthcare:settle").region("140000")
                .client("partner-140000").sign();
        Map<String, Object> unknown = new HashMap<>(bill(person, Fixtures.FENYANG, Fixtures.FENYANG_HOSPITAL,
                "INPATIENT", "2025-07-01", null, Map.of("itemCode", "NOT-IN-CATALOG", "amount", new BigDecimal("5.00"))));
        String body = json(dialysis(person, "2025-07-01")) + "\n"
                + "this is not a bill\n"
                + json(unknown) + "\n"
                + "\n"
                + json(dialysis(person, "2025-07-03")) + "\n";
        List<Map<String, Object>> results = ndjson(as(partner).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post(API + "/settlements/batch").then().statusCode(200).extract().asString());
        assertEquals(4, results.size());
        assertEquals(List.of(200, 400, 400, 200), results.stream().map(r -> r.get("status")).toList());
        assertEquals(List.of(1, 2, 3, 5), results.stream().map(r -> r.get("line")).toList());
        // Quotes carry the person's accumulators through the batch: the second session finds the deductible used.
        assertEquals("274.95", settlement(results.get(3)).get("basicFund").toString());

        // Recorded, the same bills give the same figures: a refused bill in the chunk leaves the others recorded.
        String recordedPerson = person + "-R";
        Map<String, Object> unknownRecorded = new HashMap<>(unknown);
        unknownRecorded.put("insured", Map.of("personId", recordedPerson, "homeRegion", "141182", "scheme", "RESIDENT"));
        String recordedBody = json(dialysis(recordedPerson, "2025-07-01")) + "\n" + json(unknownRecorded) + "\n"
                + json(dialysis(recordedPerson, "2025-07-03")) + "\n";
        List<Map<String, Object>> recorded = ndjson(as(partner).contentType("application/x-ndjson")
                .body(recordedBody.getBytes(StandardCharsets.UTF_8)).queryParam("record", true)
                .post(API + "/settlements/batch").then().statusCode(200).extract().asString());
        assertEquals(List.of(201, 400, 201), recorded.stream().map(r -> r.get("status")).toList());
        assertEquals("274.95", settlement(recorded.get(2)).get("basicFund").toString());
        as(partner).get(API + "/settlements/" + settlement(recorded.get(2)).get("id")).then().statusCode(200)
                .body("patientPays", comparesEqualTo(yuan("35.00")));

        String csv = String.join(",", CsvBills.COLUMNS) + "\n"
                + "B1," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL + ",INPATIENT,LOCAL,2025-08-01,,,A001,1000.00\n"
                + "B1," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL + ",INPATIENT,LOCAL,2025-08-01,,,B001,2000.00\n"
                + "B2,too,few,fields\n"
                + "B3," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL + ",INPATIENT,LOCAL,2025-08-02,,,C001,300.00\n";
        List<Map<String, Object>> rows = ndjson(as(partner).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("record", true).post(API + "/settlements/batch").then().statusCode(200).extract().asString());
        assertEquals(List.of(201, 400, 201), rows.stream().map(r -> r.get("status")).toList());
        assertEquals(List.of("B1", "B3"), List.of(rows.get(0).get("billId"), rows.get(2).get("billId")));
        // Tier-3 inpatient: A 1000 + B 1800 eligible, 1000 deductible, 60 % of 1800.
        assertEquals("1080.00", settlement(rows.get(0)).get("basicFund").toString());
        as(partner).get(API + "/settlements/" + settlement(rows.get(2)).get("id")).then().statusCode(200)
                .body("outOfScope", comparesEqualTo(yuan("300.00")));
        // Sent again (a retry after a dropped connection), the recorded bills answer from their first recording.
        List<Map<String, Object>> again = ndjson(as(partner).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("record", true).post(API + "/settlements/batch").then().statusCode(200).extract().asString());
        assertEquals(List.of(settlement(rows.get(0)).get("id"), settlement(rows.get(2)).get("id")),
                List.of(settlement(again.get(0)).get("id"), settlement(again.get(2)).get("id")));

        // An unreadable row inside a bill refuses the whole bill: none of its rows is settled alone.
        String broken = String.join(",", CsvBills.COLUMNS) + "\n"
                + "B4," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL + ",INPATIENT,LOCAL,2025-08-03,,,A001,1000.00\n"
                + "B4,cut,short\n"
                + "B4," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL + ",INPATIENT,LOCAL,2025-08-03,,,B001,2000.00\n"
                + "B5," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL + ",INPATIENT,LOCAL,2025-08-04,,,C001,100.00\n";
        List<Map<String, Object>> refused = ndjson(as(partner).contentType("text/csv").body(broken.getBytes(StandardCharsets.UTF_8))
                .queryParam("record", true).post(API + "/settlements/batch").then().statusCode(200).extract().asString());
        assertEquals(List.of(400, 201), refused.stream().map(r -> r.get("status")).toList());
        assertEquals(List.of("B4", "B5"), refused.stream().map(r -> r.get("billId")).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settlement(Map<String, Object> result) {
        return (Map<String, Object>) result.get("settlement");
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    private static List<Map<String, Object>> ndjson(String text) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                results.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {
                }));
            }
        }
        return results;
    }
}
