package org.xietong.healthcare.safetynet;

import org.junit.jupiter.api.Test;
import org.xietong.healthcare.settlement.engine.Fixtures;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.VisitKind;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyNetForecasterTest {

    private final SafetyNetForecaster forecaster = new SafetyNetForecaster();

    private static SafetyNetForecaster.Group group(String label, int patients, Scheme scheme, String category,
                                                  String service, String item, int sessions) {
        return new SafetyNetForecaster.Group(label, patients, scheme, category, service, VisitKind.SPECIAL_CHRONIC,
                Fixtures.FENYANG_HOSPITAL, Fixtures.FENYANG, 3, Fixtures.CATALOG.get(item), sessions);
    }

    @Test
    void everyDialysisSessionCostsThePatientTheFixedCopay() {
        SafetyNetForecaster.Forecast forecast = forecaster.forecast(Fixtures.FENYANG, 2026, Fixtures.shanxi(), List.of(
                group("haemodialysis, residents", 100, Scheme.RESIDENT, null, "HEMODIALYSIS", "HD001", 156),
                group("haemodialysis, employees", 21, Scheme.EMPLOYEE, null, "HEMODIALYSIS", "HD001", 156),
                group("peritoneal dialysis, residents", 27, Scheme.RESIDENT, null, "PERITONEAL_DIALYSIS", "PD001", 365)));

        SafetyNetForecaster.GroupForecast residents = forecast.groups().get(0);
        assertEquals(new BigDecimal("35.00"), residents.patientPaysPerSessionMin());
        assertEquals(new BigDecimal("35.00"), residents.patientPaysPerSessionMax());
        assertEquals(new BigDecimal("5460.00"), residents.perPatient().patientPays());
        assertEquals(new BigDecimal("6570.00"), forecast.groups().get(2).perPatient().patientPays());
        assertEquals(148, forecast.patients());
        assertEquals(121L * 156 + 27L * 365, forecast.sessions());

        Figures t = forecast.totals();
        assertEquals(t.total(), t.basicFund().add(t.seriousIllness()).add(t.medicalAssistance()).add(t.fallback())
                .add(t.patientPays()));
        // 121 × 156 × 423 + 27 × 365 × 180 = 7,984,548 + 1,773,900.
        assertEquals(new BigDecimal("9758448.00"), t.total());
        assertTrue(t.fallback().signum() > 0 && t.seriousIllness().signum() > 0);
    }
}
