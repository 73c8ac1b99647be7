package org.xietong.healthcare.settlement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.healthcare.settlement.SettlementFixtures.ADMIN;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.bill;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

/** Effective-dated rules and the reversal (冲正) of recorded settlements, through the API. */
@QuarkusTest
class SettlementCorrectionResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String YESTERDAY = TODAY.minusDays(1).toString();
    private static final String FENYANG_OFFICER = officer(Fixtures.FENYANG);

    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        person = "SC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An outpatient bill of a Fenyang resident at 汾阳医院 (yearly deductible 100, 50 %, ceiling 800). */
    private Map<String, Object> outpatient(String who, String date, String amount) {
        return bill(who, Fixtures.FENYANG, Fixtures.FENYANG_HOSPITAL, "OUTPATIENT", date, null,
                Map.of("itemCode", "A001", "amount", new BigDecimal(amount)));
    }

    private JsonPath record(Map<String, Object> bill) {
        return as(FENYANG_OFFICER).body(bill).post(API + "/settlements").then().statusCode(201).extract().jsonPath();
    }

    private String etag(String id) {
        return as(FENYANG_OFFICER).get(API + "/settlements/" + id).then().statusCode(200).extract().header("ETag");
    }

    private JsonPath reverse(String id, String reason) {
        return as(FENYANG_OFFICER).header("If-Match", etag(id)).body(Map.of("reason", reason))
                .post(API + "/settlements/" + id + "/reversal").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBillDatedBeforeAPolicyChangeSettlesUnderThePolicyInForceOnItsDate() {
        String xiaoyi = "141181";
        as(ADMIN).body(policyWithOutpatientRate("50")).put(API + "/settlement-policies/" + xiaoyi)
                .then().statusCode(200).body("validFrom", equalTo("2000-01-01"));
        String etag = as(ADMIN).get(API + "/settlement-policies/" + xiaoyi).header("ETag");
        as(ADMIN).header("If-Match", etag).queryParam("validFrom", TODAY.toString()).body(policyWithOutpatientRate("70"))
                .put(API + "/settlement-policies/" + xiaoyi).then().statusCode(200);

        as(ADMIN).body(outpatientOf(xiaoyi, YESTERDAY)).post(API + "/settlements/quote").then().statusCode(200)
                .body("basicFund", comparesEqualTo(new BigDecimal("450.00")));
        as(ADMIN).body(outpatientOf(xiaoyi, TODAY.toString())).post(API + "/settlements/quote").then().statusCode(200)
                .body("basicFund", comparesEqualTo(new BigDecimal("630.00")));
        as(ADMIN).get(API + "/settlement-policies/" + xiaoyi + "/history").then().statusCode(200)
                .body("validFrom", equalTo(List.of("2000-01-01", TODAY.toString())))
                .body("validTo", equalTo(Arrays.asList(YESTERDAY, null)));
    }

    @Test
    void aPolicyVersionBeginningBeforeARecordedBillIsRefused() {
        String jiaocheng = "141122";
        as(ADMIN).body(policyWithOutpatientRate("50")).put(API + "/settlement-policies/" + jiaocheng).then().statusCode(200);
        as(ADMIN).body(outpatientOf(jiaocheng, YESTERDAY)).post(API + "/settlements").then().statusCode(201);
        String etag = as(ADMIN).get(API + "/settlement-policies/" + jiaocheng).header("ETag");

        as(ADMIN).header("If-Match", etag).queryParam("validFrom", YESTERDAY).body(policyWithOutpatientRate("70"))
                .put(API + "/settlement-policies/" + jiaocheng).then().statusCode(422)
                .body("type", containsString("retroactive-rule"));
    }

    @Test
    void aPastPolicyVersionLoadsAsHistoryWhileNoBillWasRecordedUnderIt() {
        String hongtong = "141024";
        as(ADMIN).body(policyWithOutpatientRate("50")).put(API + "/settlement-policies/" + hongtong).then().statusCode(200);
        String etag = as(ADMIN).get(API + "/settlement-policies/" + hongtong).header("ETag");

        as(ADMIN).header("If-Match", etag).queryParam("validFrom", "2025-01-01").body(policyWithOutpatientRate("70"))
                .put(API + "/settlement-policies/" + hongtong).then().statusCode(200);

        as(ADMIN).queryParam("on", "2024-12-31").get(API + "/settlement-policies/" + hongtong).then().statusCode(200)
                .body("validTo", equalTo("2024-12-31")).body("policy.lines[0].ratePercent", equalTo(50));
    }

    @Test
    void aPriceChangeLeavesTheOldPriceInForceBeforeItsDate() {
        String wenshui = "141121";
        as(ADMIN).body(Map.of("items", List.of(haemodialysis("450.00")))).put(API + "/catalogs/" + wenshui + "/items")
                .then().statusCode(200);
        as(ADMIN).body(Map.of("items", List.of(haemodialysis("423.00")), "validFrom", TODAY.toString()))
                .put(API + "/catalogs/" + wenshui + "/items").then().statusCode(200);

        as(ADMIN).queryParam("on", YESTERDAY).get(API + "/catalogs/" + wenshui + "/items/HD450")
                .then().statusCode(200).body("unitPrice", comparesEqualTo(new BigDecimal("450.00")));
        as(ADMIN).get(API + "/catalogs/" + wenshui + "/items/HD450")
                .then().statusCode(200).body("unitPrice", comparesEqualTo(new BigDecimal("423.00")));
        as(ADMIN).get(API + "/catalogs/" + wenshui + "/items/HD450/history").then().statusCode(200)
                .body("validTo[0]", equalTo(YESTERDAY)).body("validTo[1]", nullValue());
    }

    @Test
    void reversingTheFirstBillLeavesTheYearAsIfOnlyTheOthersWereSettled() {
        String first = record(outpatient(person, "2026-02-01", "300.00")).getString("id");
        record(outpatient(person, "2026-03-01", "200.00"));
        record(outpatient(person, "2026-04-01", "500.00"));
        String twin = person + "-T";
        record(outpatient(twin, "2026-03-01", "200.00"));
        JsonPath alone = record(outpatient(twin, "2026-04-01", "500.00"));

        JsonPath reversal = reverse(first, "收费项目录入错误，整单冲正");

        assertEquals("REVERSED", reversal.getString("reversed.status"));
        assertEquals(2, reversal.getList("resettled").size());
        assertEquals(alone.getMap("accumulatorsAfter"), reversal.getMap("resettled[1].accumulatorsAfter"));
        assertEquals(alone.getString("basicFund"), reversal.getString("resettled[1].basicFund"));
        as(FENYANG_OFFICER).body(outpatient(person, TODAY.toString(), "1.00")).post(API + "/settlements/quote")
                .then().statusCode(200).body("accumulatorsBefore", equalTo(alone.getMap("accumulatorsAfter")));
    }

    @Test
    void aSettlementSettledAgainNamesTheOneItReplaces() {
        String first = record(outpatient(person, "2026-02-01", "300.00")).getString("id");
        String second = record(outpatient(person, "2026-03-01", "200.00")).getString("id");

        JsonPath reversal = reverse(first, "重复结算");

        String replacement = reversal.getString("resettled[0].id");
        assertEquals(second, reversal.getString("resettled[0].replaces"));
        as(FENYANG_OFFICER).get(API + "/settlements/" + second).then().statusCode(200)
                .body("status", equalTo("REVERSED"))
                .body("reversalReason", containsString(first));
        as(FENYANG_OFFICER).get(API + "/settlements/" + replacement).then().statusCode(200)
                .body("status", equalTo("SETTLED"));
    }

    @Test
    void aReversalIsAuditedWithItsReason() {
        String id = record(outpatient(person, "2026-02-01", "300.00")).getString("id");

        reverse(id, "患者信息错误");

        as(FENYANG_OFFICER).queryParam("entity", "settlement").queryParam("id", id).get(API + "/audit")
                .then().statusCode(200).body("items.action", hasItems("settlement.recorded", "settlement.reversed"))
                .body("items.find { it.action == 'settlement.reversed' }.summary.reason", equalTo("患者信息错误"));
    }

    @Test
    void aReversalIsPublishedToBothRegionsWithoutThePerson() {
        String id = record(outpatient(person, "2026-02-01", "300.00")).getString("id");

        reverse(id, "患者信息错误");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(FENYANG_OFFICER).queryParam("subject", id)
                        .queryParam("types", "org.xietong.healthcare.settlement.reversed.v1")
                        .get(API + "/exchange/events").then().statusCode(200)
                        .body("events.size()", equalTo(1))
                        .body("events[0].data.reason", equalTo("患者信息错误"))
                        .body("events[0].regioncodes", equalTo(Fixtures.FENYANG))
                        .body("events[0].data.toString()", not(containsString(person))));
    }

    @Test
    void aReversalWithoutTheETagIsRefused() {
        String id = record(outpatient(person, "2026-02-01", "300.00")).getString("id");

        as(FENYANG_OFFICER).body(Map.of("reason", "录入错误")).post(API + "/settlements/" + id + "/reversal")
                .then().statusCode(428);
    }

    @Test
    void aSettlementIsReversedOnce() {
        String id = record(outpatient(person, "2026-02-01", "300.00")).getString("id");
        reverse(id, "录入错误");

        as(FENYANG_OFFICER).header("If-Match", etag(id)).body(Map.of("reason", "再次冲正"))
                .post(API + "/settlements/" + id + "/reversal").then().statusCode(409)
                .body("type", containsString("already-reversed"));
    }

    @Test
    void aReversedBillIsRecordedAgainCorrectedUnderItsOwnBillId() {
        Map<String, Object> wrong = withBillId(outpatient(person, "2026-02-01", "3000.00"), "FY-2026-0001");
        String id = record(wrong).getString("id");
        reverse(id, "金额录入错误");

        JsonPath corrected = record(withBillId(outpatient(person, "2026-02-01", "300.00"), "FY-2026-0001"));

        assertEquals("FY-2026-0001", corrected.getString("billId"));
        assertEquals(new BigDecimal("300.00"), new BigDecimal(corrected.getString("total")));
    }

    @Test
    void anOfficerOfAnotherRegionCannotReverseABillOutsideTheirScope() {
        String id = record(outpatient(person, "2026-02-01", "300.00")).getString("id");

        as(officer("500000")).header("If-Match", "\"0\"").body(Map.of("reason", "越权冲正"))
                .post(API + "/settlements/" + id + "/reversal").then().statusCode(404);
    }

    private static Map<String, Object> withBillId(Map<String, Object> bill, String billId) {
        Map<String, Object> copy = new HashMap<>(bill);
        copy.put("billId", billId);
        return copy;
    }

    private static Map<String, Object> outpatientOf(String home, String date) {
        return bill("XY-" + UUID.randomUUID().toString().substring(0, 8), home, Fixtures.FENYANG_HOSPITAL, "OUTPATIENT",
                date, null, Map.of("itemCode", "A001", "amount", new BigDecimal("1000.00")));
    }

    private static Map<String, Object> haemodialysis(String price) {
        return Map.of("code", "HD450", "name", "血液透析（每次）", "itemClass", "A", "unitPrice", new BigDecimal(price));
    }

    /** Residents' outpatient line only: no deductible, the given rate, a ceiling out of reach. */
    private static Map<String, Object> policyWithOutpatientRate(String rate) {
        return Map.of("lines", List.of(Map.of("scheme", "RESIDENT", "kind", "OUTPATIENT", "deductibleBasis", "PER_YEAR",
                "deductible", 100, "ratePercent", new BigDecimal(rate), "yearlyCeiling", 100000,
                "referralReductionPoints", 10, "temporaryReductionPoints", 20)));
    }
}
