package org.xietong.systemtests;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DemoAccounts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cross-region bill's life through the gateway with real Keycloak tokens: Chongqing's partner system files a 备案
 * for an insured of 渝中区 living in Dezhou, 乐陵市人民医院 settles two of their bills (the filing, not the hospital,
 * says REGISTERED), reverses the first (the second settles again), and Chongqing's insurer reconciles the month.
 */
@ExtendWith(SharedStack.class)
@Order(42)
class SettlementLifecycleIT {

    private static final String API = "/api/v1/healthcare";
    private static final String YUZHONG = "500103";
    private static final String LELING = "371481";
    private static final String LELING_HOSPITAL = "H3714810001";
    private static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final List<String> FUNDS = List.of("total", "basicFund", "seriousIllness", "medicalAssistance",
            "fallback", "patientPays");

    /** Money as BigDecimal, so figures compare to the fen. */
    private static RequestSpecification as(String token) {
        return given().config(RestAssuredConfig.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aChongqingPartnerFilesTheTreatmentSideSettlesAndTheHomeSideReconcilesTheMonth(SharedStack.Suite suite)
            throws Exception {
        String gateway = suite.gateway();
        String admin = suite.tokens().passwordGrant("admin", "admin");
        String hospital = suite.tokens().passwordGrant("hospital-leling", "hospital-leling");
        String insurer = suite.tokens().passwordGrant("insurer-chongqing", "insurer-chongqing");
        DemoAccounts.Partner chongqing = DemoAccounts.read(suite.config().realmFile()).partners().stream()
                .filter(p -> p.clientId().equals("partner-500000")).findFirst().orElseThrow();
        String partner = suite.tokens().clientCredentials(chongqing.clientId(), chongqing.secret());
        rules(gateway, admin);
        String person = "CQ-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath before = reconciliation(gateway, insurer);

        as(partner).body(Map.of("personId", person, "homeRegion", YUZHONG, "kind", "LONG_TERM_RESIDENCE",
                        "destinationRegion", "371400", "validFrom", "2025-01-01"))
                .post(gateway + API + "/filings").then().statusCode(201);
        JsonPath first = settle(gateway, hospital, person, "2026-03-02", "1800.00");
        settle(gateway, hospital, person, "2026-04-06", "2600.00");
        assertTrue(first.getString("explanations.basicFund").contains("for REGISTERED"),
                first.getString("explanations.basicFund"));
        String etag = as(hospital).get(gateway + API + "/settlements/" + first.getString("id")).then().statusCode(200)
                .extract().header("ETag");
        JsonPath reversal = as(hospital).header("If-Match", etag).body(Map.of("reason", "住院天数录入错误"))
                .post(gateway + API + "/settlements/" + first.getString("id") + "/reversal").then().statusCode(200)
                .extract().jsonPath();
        JsonPath after = reconciliation(gateway, insurer);

        assertEquals(3, after.getLong("totals.settled") - before.getLong("totals.settled"));
        assertEquals(2, after.getLong("totals.reversed") - before.getLong("totals.reversed"));
        for (String fund : FUNDS) {
            BigDecimal moved = new BigDecimal(after.getString("totals." + fund))
                    .subtract(new BigDecimal(before.getString("totals." + fund)));
            assertEquals(new BigDecimal(reversal.getString("resettled[0]." + fund)), moved, fund);
        }
        List<String> statuses = as(insurer).queryParam("homeRegion", YUZHONG).queryParam("personId", person)
                .get(gateway + API + "/settlements").then().statusCode(200).extract().jsonPath().getList("items.status");
        assertEquals(List.of("SETTLED", "REVERSED", "REVERSED"), statuses.stream().sorted((a, b) -> b.compareTo(a)).toList());
    }

    /** Dezhou's catalog item and Chongqing's policy, set by the admin (a later run adds versions from today). */
    private static void rules(String gateway, String admin) {
        as(admin).body(Map.of("items", List.of(Map.of("code", "BED-CQ-0001", "name", "床位费", "itemClass", "A"))))
                .put(gateway + API + "/catalogs/371400/items").then().statusCode(200);
        var read = as(admin).get(gateway + API + "/settlement-policies/500000");
        var put = as(admin).body(Map.of("lines", List.of(Map.of("scheme", "RESIDENT", "kind", "INPATIENT",
                "deductibleBasis", "PER_ADMISSION", "deductible", 800, "ratePercent", 70, "yearlyCeiling", 400000,
                "referralReductionPoints", 10, "temporaryReductionPoints", 20))));
        if (read.statusCode() == 200) {
            put.header("If-Match", read.header("ETag"));
        }
        put.put(gateway + API + "/settlement-policies/500000").then().statusCode(200);
    }

    private static JsonPath settle(String gateway, String hospital, String person, String date, String amount) {
        return as(hospital).body(Map.of("insured", Map.of("personId", person, "homeRegion", YUZHONG, "scheme", "RESIDENT"),
                        "visit", Map.of("treatmentRegion", LELING, "institutionCode", LELING_HOSPITAL, "kind", "INPATIENT",
                                "date", date),
                        "lines", List.of(Map.of("itemCode", "BED-CQ-0001", "amount", new BigDecimal(amount)))))
                .post(gateway + API + "/settlements").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath reconciliation(String gateway, String insurer) {
        return as(insurer).queryParam("homeRegion", YUZHONG).queryParam("treatmentRegion", LELING)
                .get(gateway + API + "/reconciliation/" + MONTH).then().statusCode(200).extract().jsonPath();
    }
}
