package org.xietong.healthcare.safetynet;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.healthcare.settlement.SettlementFixtures;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

@QuarkusTest
class SafetyNetForecastResourceTest {

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
    }

    private static Map<String, Object> group(String label, int patients, String scheme, String service, String institution,
                                             String item, int sessions) {
        return Map.of("label", label, "patients", patients, "scheme", scheme, "serviceType", service,
                "institutionCode", institution, "itemCode", item, "sessionsPerYear", sessions);
    }

    private static Map<String, Object> fenyang(String institution) {
        return Map.of("homeRegion", Fixtures.FENYANG, "year", 2025, "groups", List.of(
                group("haemodialysis, residents", 100, "RESIDENT", "HEMODIALYSIS", Fixtures.FENYANG_HOSPITAL, "HD001", 156),
                group("haemodialysis, employees", 21, "EMPLOYEE", "HEMODIALYSIS", Fixtures.FENYANG_TCM, "HD001", 156),
                group("peritoneal dialysis", 27, "RESIDENT", "PERITONEAL_DIALYSIS", institution, "PD001", 365)));
    }

    @Test
    void theCohortsYearComesOutOfTheStoredPolicyAndPrices() {
        String health = TestTokens.user("health-fenyang", "health-officer").region(Fixtures.FENYANG).sign();
        as(health).body(fenyang(Fixtures.CHENGDETANG)).post(API + "/fallback/forecast").then().statusCode(200)
                .body("patients", equalTo(148))
                // 121 × 156 × 423 + 27 × 365 × 180
                .body("totals.total", comparesEqualTo(new BigDecimal("9758448.00")))
                .body("groups[0].patientPaysPerSessionMax", comparesEqualTo(new BigDecimal("35.00")))
                .body("groups[0].patientPaysPerSessionMin", comparesEqualTo(new BigDecimal("35.00")))
                .body("groups[2].patientPaysPerSessionMax", comparesEqualTo(new BigDecimal("18.00")))
                .body("groups[0].pricePerSession", comparesEqualTo(new BigDecimal("423.00")));
    }

    static Stream<Arguments> refusedForecasts() {
        return Stream.of(
                Arguments.of("an officer of another region", "330100", fenyang(Fixtures.CHENGDETANG), 403),
                Arguments.of("an unregistered institution", "141100", fenyang("S1411829999"), 422),
                Arguments.of("a home region of four digits", "141100",
                        Map.of("homeRegion", "1411", "groups", List.of()), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedForecasts")
    void aForecastIsForTheHomeRegionsOfficersAndNeedsKnownInstitutions(String refused, String officerRegion,
                                                                       Map<String, Object> body, int status) {
        as(officer(officerRegion)).body(body).post(API + "/fallback/forecast")
                .then().statusCode(status).contentType("application/problem+json");
    }
}
