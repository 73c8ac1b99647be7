package org.xietong.healthcare.reconciliation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.healthcare.settlement.SettlementFixtures;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.SettlementFixtures.ADMIN;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.bill;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

/** 清算 through the API: a month's totals per region pair and fund, and the safety-net cover actually paid. */
@QuarkusTest
class ReconciliationResourceTest {

    private static final String LIULIN = "141125";
    private static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final String LULIANG_OFFICER = officer("141100");
    private static final List<String> FIGURES = List.of("total", "basicFund", "seriousIllness", "medicalAssistance",
            "fallback", "patientPays");

    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        if (as(ADMIN).get(API + "/settlement-policies/" + LIULIN).statusCode() == 404) {
            as(ADMIN).body(Map.of("lines", List.of(Map.of("scheme", "RESIDENT", "kind", "OUTPATIENT",
                            "deductibleBasis", "PER_YEAR", "deductible", 100, "ratePercent", 55, "yearlyCeiling", 3000,
                            "referralReductionPoints", 10, "temporaryReductionPoints", 20))))
                    .put(API + "/settlement-policies/" + LIULIN).then().statusCode(200);
        }
        person = "LL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String record(String who, String date, String amount) {
        return as(LULIANG_OFFICER).body(bill(who, LIULIN, Fixtures.FENYANG_HOSPITAL, "OUTPATIENT", date, null,
                        Map.of("itemCode", "A001", "amount", new BigDecimal(amount))))
                .post(API + "/settlements").then().statusCode(201).extract().path("id");
    }

    private void reverse(String id) {
        String etag = as(LULIANG_OFFICER).get(API + "/settlements/" + id).header("ETag");
        as(LULIANG_OFFICER).header("If-Match", etag).body(Map.of("reason", "录入错误"))
                .post(API + "/settlements/" + id + "/reversal").then().statusCode(200);
    }

    /** Every settlement of the month for the home region, page by page, as the caller lists them. */
    private List<Map<String, Object>> listed(String token, String homeRegion) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath answer = as(token).queryParam("month", MONTH).queryParam("homeRegion", homeRegion)
                    .queryParam("size", 200).queryParam("page", page).get(API + "/settlements")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> found = answer.getList("items");
            items.addAll(found);
            if (found.size() < 200) {
                return items;
            }
        }
    }

    /** The figure summed over the listing: every settlement recorded in the month, less those reversed in it. */
    private static BigDecimal net(List<Map<String, Object>> items, String figure) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Map<String, Object> item : items) {
            BigDecimal value = new BigDecimal(item.get(figure).toString());
            sum = sum.add(value);
            if ("REVERSED".equals(item.get("status")) && item.get("reversedAt").toString().startsWith(MONTH)) {
                sum = sum.subtract(value);
            }
        }
        return sum;
    }

    @Test
    void aMonthsTotalsEqualTheSumOfItsRecordedSettlementsToTheFen() {
        String first = record(person, "2026-01-05", "420.50");
        record(person, "2026-02-05", "1333.33");
        record(person + "-B", "2026-02-07", "99.99");
        reverse(first);

        JsonPath month = as(LULIANG_OFFICER).queryParam("homeRegion", LIULIN).get(API + "/reconciliation/" + MONTH)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = listed(LULIANG_OFFICER, LIULIN);

        assertEquals(1, month.getList("rows").size());
        assertEquals(LIULIN, month.getString("rows[0].homeRegion"));
        assertEquals(Fixtures.FENYANG, month.getString("rows[0].treatmentRegion"));
        for (String figure : FIGURES) {
            assertEquals(net(items, figure), new BigDecimal(month.getString("rows[0]." + figure)), figure);
        }
        assertEquals(items.size(), month.getInt("rows[0].settled"));
        assertEquals(items.stream().filter(i -> "REVERSED".equals(i.get("status"))).count(),
                month.getLong("rows[0].reversed"));
    }

    @Test
    void theSafetyNetSpendIsTheCoverPaidNetOfReversals() {
        SettlementFixtures.certifyDialysis(person);
        String session = as(officer(Fixtures.FENYANG)).body(SettlementFixtures.dialysis(person, "2026-03-02"))
                .post(API + "/settlements").then().statusCode(201).extract().path("id");
        as(officer(Fixtures.FENYANG)).body(SettlementFixtures.dialysis(person, "2026-03-04"))
                .post(API + "/settlements").then().statusCode(201);
        String etag = as(ADMIN).get(API + "/settlements/" + session).header("ETag");
        as(ADMIN).header("If-Match", etag).body(Map.of("reason", "重复录入")).post(API + "/settlements/" + session + "/reversal")
                .then().statusCode(200);

        JsonPath spend = as(officer(Fixtures.FENYANG)).queryParam("homeRegion", Fixtures.FENYANG)
                .queryParam("year", MONTH.substring(0, 4)).get(API + "/fallback/spend")
                .then().statusCode(200).extract().jsonPath();

        BigDecimal expected = net(listed(officer(Fixtures.FENYANG), Fixtures.FENYANG), "fallback");
        assertTrue(expected.signum() > 0, expected.toString());
        assertEquals(expected, new BigDecimal(spend.getString("months.find { it.month == '" + MONTH + "' }.fallback")));
        assertEquals(12, spend.getList("months").size());
    }

    @Test
    void aMonthReadsAsASpreadsheetWithItsTotalRow() {
        record(person, "2026-01-05", "420.50");

        byte[] csv = as(LULIANG_OFFICER).accept("text/csv").queryParam("homeRegion", LIULIN)
                .get(API + "/reconciliation/" + MONTH).then().statusCode(200).extract().asByteArray();

        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFmonth,homeRegion,treatmentRegion,settled,reversed,total,"), text);
        assertTrue(text.contains("\r\n" + MONTH + "," + LIULIN + "," + Fixtures.FENYANG + ","), text);
        assertTrue(text.contains("\r\n" + MONTH + ",TOTAL,,"), text);
    }

    @Test
    void aRegionOutsideBothSidesSeesNoRow() {
        record(person, "2026-01-05", "420.50");

        as(officer("330100")).queryParam("homeRegion", LIULIN).get(API + "/reconciliation/" + MONTH)
                .then().statusCode(200).body("rows.size()", equalTo(0));
    }

    @Test
    void onlyTheHomeSideListsAPersonsSettlements() {
        record(person, "2026-01-05", "420.50");

        as(LULIANG_OFFICER).queryParam("homeRegion", LIULIN).queryParam("personId", person).get(API + "/settlements")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].personId", equalTo(person));
        as(officer(Fixtures.FENYANG)).queryParam("homeRegion", LIULIN).queryParam("personId", person)
                .get(API + "/settlements").then().statusCode(403);
    }

    @Test
    void aTreatmentSideListingNamesNoPerson() {
        record(person, "2026-01-05", "420.50");

        as(officer(Fixtures.FENYANG)).queryParam("month", MONTH).queryParam("homeRegion", LIULIN)
                .get(API + "/settlements").then().statusCode(200)
                .body("items.findAll { it.personId != null }.size()", equalTo(0));
    }

    @Test
    void aMonthsSettlementsExportAsTheRowsTheListingPagesThrough() {
        String reversed = record(person, "2026-01-05", "420.50");
        record(person, "2026-02-05", "1333.33");
        reverse(reversed);

        String text = new String(as(LULIANG_OFFICER).accept("text/csv").queryParam("month", MONTH)
                .queryParam("homeRegion", LIULIN).get(API + "/settlements/export").then().statusCode(200)
                .header("Content-Disposition", containsString("settlements-" + MONTH + ".csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);

        List<String> lines = List.of(text.split("\r\n"));
        assertTrue(lines.get(0).startsWith("\uFEFFid,billId,personId,homeRegion,"), lines.get(0));
        List<Map<String, Object>> items = listed(LULIANG_OFFICER, LIULIN);
        assertEquals(items.size(), lines.size() - 1);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            assertTrue(lines.get(i + 1).startsWith(item.get("id") + "," + Objects.toString(item.get("billId"), "") + ","
                    + item.get("personId") + "," + LIULIN + ","), lines.get(i + 1));
            assertTrue(lines.get(i + 1).contains("," + item.get("status") + ","), lines.get(i + 1));
        }
    }

    @Test
    void aTreatmentSideExportNamesNoPerson() {
        record(person, "2026-01-05", "420.50");

        String text = as(officer(Fixtures.FENYANG)).accept("text/csv").queryParam("month", MONTH)
                .queryParam("homeRegion", LIULIN).get(API + "/settlements/export").then().statusCode(200)
                .extract().asString();

        assertTrue(text.contains("," + LIULIN + ","), text);
        assertFalse(text.contains(person), text);
    }
}
