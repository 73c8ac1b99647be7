package org.xietong.healthcare.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.healthcare.settlement.SettlementFixtures;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.SettlementFixtures.ADMIN;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.bill;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

/**
 * 异地就医备案 and 门诊慢特病 certifications through the API: a Chongqing (渝中区) resident treated at 汾阳医院, filed by
 * Chongqing's partner system; the bill's cross-region kind comes from the filings, not from the caller.
 */
@QuarkusTest
class RegistryResourceTest {

    private static final String YUZHONG = "500103";
    private static final String CHONGQING_PARTNER = TestTokens.demoPartner("partner-500000").sign();
    private static final String FENYANG_OFFICER = officer(Fixtures.FENYANG);

    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        if (as(ADMIN).get(API + "/settlement-policies/500000").statusCode() == 404) {
            as(ADMIN).body(Map.of("lines", List.of(Map.of("scheme", "RESIDENT", "kind", "INPATIENT",
                            "deductibleBasis", "PER_ADMISSION", "deductible", 0, "ratePercent", 80, "yearlyCeiling", 500000,
                            "referralReductionPoints", 10, "temporaryReductionPoints", 20))))
                    .put(API + "/settlement-policies/500000").then().statusCode(200);
        }
        person = "CQ-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> filing(String kind, String from, String to) {
        Map<String, Object> filing = new HashMap<>(Map.of("personId", person, "homeRegion", YUZHONG, "kind", kind,
                "destinationRegion", "141100", "validFrom", from));
        if (to != null) {
            filing.put("validTo", to);
        }
        return filing;
    }

    private String file(String kind, String from, String to) {
        return as(CHONGQING_PARTNER).body(filing(kind, from, to)).post(API + "/filings").then().statusCode(201)
                .extract().path("id");
    }

    /** A 1,000-yuan admission at 汾阳医院 on 2025-05-01, with the caller's claim of the cross-region kind (or none). */
    private Map<String, Object> admission(String claimed) {
        return SettlementFixtures.claiming(bill(person, YUZHONG, Fixtures.FENYANG_HOSPITAL, "INPATIENT", "2025-05-01",
                null, Map.of("itemCode", "A001", "amount", new BigDecimal("1000.00"))), claimed);
    }

    private String basicFundExplained(String claimed) {
        return as(FENYANG_OFFICER).body(admission(claimed)).post(API + "/settlements/quote").then().statusCode(200)
                .extract().path("explanations.basicFund");
    }

    @Test
    void aLongTermResidenceFilingMakesTheVisitRegistered() {
        file("LONG_TERM_RESIDENCE", "2025-01-01", null);

        assertTrue(basicFundExplained(null).contains("less 0 points for REGISTERED"),
                basicFundExplained(null));
    }

    @Test
    void aVisitNoFilingCoversIsTemporary() {
        assertTrue(basicFundExplained(null).contains("less 20 points for TEMPORARY"),
                basicFundExplained(null));
    }

    @Test
    void aReferralFilingOutsideItsDaysDoesNotCount() {
        file("REFERRAL", "2025-01-01", "2025-03-31");

        assertTrue(basicFundExplained(null).contains("for TEMPORARY"),
                basicFundExplained(null));
    }

    @Test
    void anEmergencyCountsAsRegisteredWithoutAFiling() {
        assertTrue(basicFundExplained("EMERGENCY").contains("for EMERGENCY"),
                basicFundExplained("EMERGENCY"));
    }

    @Test
    void aClaimThatContradictsTheRegistryIsRefusedWithTheReason() {
        as(FENYANG_OFFICER).body(admission("REGISTERED")).post(API + "/settlements/quote").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("cross-region-kind-contradicts-registry"))
                .body("detail", containsString("No filing"));
    }

    @Test
    void theTreatmentSideReadsTheFilingsCoveringItsArea() {
        String id = file("WORK_POSTING", "2025-01-01", null);

        as(FENYANG_OFFICER).queryParam("homeRegion", YUZHONG).queryParam("personId", person).get(API + "/filings")
                .then().statusCode(200).body("id", equalTo(List.of(id)));
        as(officer("330100")).queryParam("homeRegion", YUZHONG).queryParam("personId", person).get(API + "/filings")
                .then().statusCode(200).body("size()", equalTo(0));
        as(officer("330100")).get(API + "/filings/" + id).then().statusCode(404);
    }

    @Test
    void onlyTheHomeSideFiles() {
        as(FENYANG_OFFICER).body(filing("LONG_TERM_RESIDENCE", "2025-01-01", null)).post(API + "/filings")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOverlappingFilingIsRefused() {
        file("LONG_TERM_RESIDENCE", "2025-01-01", null);

        as(CHONGQING_PARTNER).body(filing("TEMPORARY_STAY", "2025-06-01", "2025-06-30")).post(API + "/filings")
                .then().statusCode(409).body("type", containsString("overlapping-filing"));
    }

    @Test
    void aTemporaryStayNeedsAnEnd() {
        as(CHONGQING_PARTNER).body(filing("TEMPORARY_STAY", "2025-06-01", null)).post(API + "/filings")
                .then().statusCode(422).body("type", containsString("filing-needs-end"));
    }

    @Test
    void aRevokedFilingNoLongerDecidesAndTheRevocationIsAudited() {
        String id = file("LONG_TERM_RESIDENCE", "2025-01-01", null);
        String etag = as(CHONGQING_PARTNER).get(API + "/filings/" + id).then().statusCode(200).extract().header("ETag");

        as(CHONGQING_PARTNER).header("If-Match", etag).body(Map.of("reason", "已回参保地居住"))
                .post(API + "/filings/" + id + "/revocation").then().statusCode(200).body("status", equalTo("REVOKED"));

        assertTrue(basicFundExplained(null).contains("for TEMPORARY"),
                basicFundExplained(null));
        as(ADMIN).queryParam("entity", "cross-region-filing").queryParam("id", id).get(API + "/audit")
                .then().statusCode(200).body("items.action", hasItem("filing.revoked"));
    }

    @Test
    void aSpecialChronicBillNeedsACertificationValidOnItsDay() {
        String fenyangPerson = "FY-" + UUID.randomUUID().toString().substring(0, 8);
        as(FENYANG_OFFICER).body(SettlementFixtures.dialysis(fenyangPerson, "2025-05-01")).post(API + "/settlements/quote")
                .then().statusCode(422).body("type", containsString("no-chronic-certification"));

        as(FENYANG_OFFICER).body(Map.of("personId", fenyangPerson, "homeRegion", Fixtures.FENYANG,
                        "diseaseCode", "M07800", "diseaseName", "尿毒症透析", "validFrom", "2025-01-01"))
                .post(API + "/chronic-certifications").then().statusCode(201);

        as(FENYANG_OFFICER).body(SettlementFixtures.dialysis(fenyangPerson, "2025-05-01")).post(API + "/settlements/quote")
                .then().statusCode(200);
    }

    @Test
    void aCertificationIsReadByTheHomeSideOnly() {
        String fenyangPerson = "FY-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as(FENYANG_OFFICER).body(Map.of("personId", fenyangPerson, "homeRegion", Fixtures.FENYANG,
                        "diseaseCode", "M07800", "diseaseName", "尿毒症透析", "validFrom", "2025-01-01"))
                .post(API + "/chronic-certifications").then().statusCode(201).extract().path("id");

        as(CHONGQING_PARTNER).get(API + "/chronic-certifications/" + id).then().statusCode(404);
        as(FENYANG_OFFICER).get(API + "/chronic-certifications/" + id).then().statusCode(200)
                .body("diseaseName", equalTo("尿毒症透析"));
    }
}
