package org.xietong.healthcare.settlement.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.engine.Fixtures.TODAY;
import static org.xietong.healthcare.settlement.engine.Fixtures.bill;
import static org.xietong.healthcare.settlement.engine.Fixtures.catalog;
import static org.xietong.healthcare.settlement.engine.Fixtures.shanxi;
import static org.xietong.healthcare.settlement.engine.Fixtures.yuan;

/** Expected figures computed by hand from {@link Fixtures#shanxi()}; comments show the arithmetic. */
class SettlementEngineTest {

    private final SettlementEngine engine = new SettlementEngine();

    private Settlement settle(Bill bill, Accumulators before) {
        return engine.settle(bill, shanxi(), catalog(), before, TODAY);
    }

    private Settlement settle(Fixtures.BillBuilder bill) {
        return settle(bill.build(), Accumulators.EMPTY);
    }

    @Test
    void classesAbAndCSplitEligibleFromOutOfScope() {
        // A 1000 + B 2000 (10 % first self-pay: 200 out) + C 300 → eligible 2800, out 500; tier 2 inpatient:
        // deductible 500, fund 75 % × 2300 = 1725, patient 3300 − 1725 = 1575.
        Settlement s = settle(bill().line("A001", "1000.00").line("B001", "2000.00").line("C001", "300.00"));
        assertFigures(s, "3300.00", "500.00", "2800.00", "500.00", "1725.00", "0.00", "0.00", "0.00", "1575.00");
        assertEquals(List.of(yuan("1000.00"), yuan("1800.00"), yuan("0.00")),
                s.lines().stream().map(LineResult::eligible).toList());
        assertExplains(s, "outOfScope", "200.00");
    }

    @Test
    void aDeductiblePerAdmissionAppliesToEachAdmission() {
        Settlement first = settle(bill().line("A001", "1000.00"));
        Settlement second = settle(bill().on(LocalDate.of(2026, 6, 1)).line("A001", "1000.00").build(), first.after());
        // Both: 500 deductible, 75 % × 500 = 375.
        assertFigures(first, "1000.00", "0.00", "1000.00", "500.00", "375.00", "0.00", "0.00", "0.00", "625.00");
        assertFigures(second, "1000.00", "0.00", "1000.00", "500.00", "375.00", "0.00", "0.00", "0.00", "625.00");
        // A per-admission deductible never eats into a yearly one of another line.
        assertEquals(yuan("0.00"), second.after().deductibleUsed());
    }

    @Test
    void aDeductiblePerYearIsUsedUpAcrossVisits() {
        Fixtures.BillBuilder outpatient = bill().scheme(Scheme.EMPLOYEE).kind(VisitKind.OUTPATIENT);
        Settlement first = settle(outpatient.line("A001", "600.00"));
        // Employee outpatient: 1000 a year; the first 600 are all deductible.
        assertFigures(first, "600.00", "0.00", "600.00", "600.00", "0.00", "0.00", "0.00", "0.00", "600.00");
        Settlement second = settle(bill().scheme(Scheme.EMPLOYEE).kind(VisitKind.OUTPATIENT).line("A001", "800.00").build(),
                first.after());
        // 400 left of the deductible, 70 % × 400 = 280.
        assertFigures(second, "800.00", "0.00", "800.00", "400.00", "280.00", "0.00", "0.00", "0.00", "520.00");
        assertExplains(second, "deductible", "600.00 already used");
    }

    @Test
    void theYearlyCeilingIsReachedMidBill() {
        Accumulators before = new Accumulators(yuan("1000.00"), yuan("4900.00"), yuan("0.00"), yuan("0.00"),
                yuan("0.00"), yuan("0.00"));
        Settlement s = settle(bill().scheme(Scheme.EMPLOYEE).kind(VisitKind.OUTPATIENT).line("A001", "1000.00").build(), before);
        // 70 % × 1000 = 700 claimed, but only 100 of the 5000 ceiling is left.
        assertFigures(s, "1000.00", "0.00", "1000.00", "0.00", "100.00", "0.00", "0.00", "0.00", "900.00");
        assertEquals(yuan("5000.00"), s.after().basicFundUsed());
        assertExplains(s, "basicFund", "ceiling reached");
    }

    @Test
    void referralsAndTemporaryVisitsLoseRatePoints() {
        // 10500 eligible − 500 deductible = 10000 at 75 %, 65 % (−10 points) or 55 % (−20 points).
        assertEquals(yuan("7500.00"), basicFund(CrossRegionKind.LOCAL));
        assertEquals(yuan("7500.00"), basicFund(CrossRegionKind.REGISTERED));
        assertEquals(yuan("6500.00"), basicFund(CrossRegionKind.REFERRAL));
        assertEquals(yuan("6500.00"), basicFund(CrossRegionKind.EMERGENCY));
        assertEquals(yuan("5500.00"), basicFund(CrossRegionKind.TEMPORARY));
        Settlement temporary = settle(bill().home(Fixtures.HANGZHOU).cross(CrossRegionKind.TEMPORARY).line("A001", "10500.00")
                .build(), Accumulators.EMPTY);
        assertExplains(temporary, "basicFund", "55 % (75 % less 20 points for TEMPORARY)");
    }

    private BigDecimal basicFund(CrossRegionKind kind) {
        return settle(bill().cross(kind).line("A001", "10500.00")).basicFund();
    }

    @Test
    void seriousIllnessTiersAreCrossedMidYear() {
        // The fund's ceiling is used up, so the whole 110000 is personal burden: 9000 → 119000 against a 10000
        // threshold, i.e. 0 → 109000 above it: 100000 × 60 % + 9000 × 70 % = 66300.
        Accumulators before = new Accumulators(yuan("0.00"), yuan("200000.00"), yuan("9000.00"), yuan("0.00"),
                yuan("0.00"), yuan("0.00"));
        Settlement first = settle(bill().tier(3).line("A001", "110000.00").build(), before);
        assertFigures(first, "110000.00", "0.00", "110000.00", "1000.00", "0.00", "66300.00", "0.00", "0.00", "43700.00");
        assertEquals(yuan("119000.00"), first.after().seriousBurden());
        // The next admission is wholly in the upper tier: 70 % × 1000.
        Settlement next = settle(bill().tier(3).on(LocalDate.of(2026, 9, 1)).line("A001", "1000.00").build(), first.after());
        assertFigures(next, "1000.00", "0.00", "1000.00", "1000.00", "0.00", "700.00", "0.00", "0.00", "300.00");
    }

    @Test
    void seriousIllnessStopsAtItsYearlyCap() {
        Accumulators before = new Accumulators(yuan("0.00"), yuan("200000.00"), yuan("500000.00"), yuan("399900.00"),
                yuan("0.00"), yuan("0.00"));
        Settlement s = settle(bill().tier(3).line("A001", "2000.00").build(), before);
        // 70 % × 2000 = 1400, but only 100 of the 400000 cap is left.
        assertEquals(yuan("100.00"), s.seriousIllness());
        assertEquals(yuan("1900.00"), s.patientPays());
    }

    @Test
    void medicalAssistanceStopsAtItsYearlyCap() {
        Fixtures.BillBuilder lowIncome = bill().category("LOW_INCOME").line("A001", "2500.00");
        // 2500 − 500 deductible → fund 1500; the remaining burden 1000 at 70 % = 700.
        assertFigures(settle(lowIncome), "2500.00", "0.00", "2500.00", "500.00", "1500.00", "0.00", "700.00", "0.00", "300.00");
        Accumulators nearCap = new Accumulators(yuan("0.00"), yuan("0.00"), yuan("0.00"), yuan("0.00"),
                yuan("29900.00"), yuan("0.00"));
        Settlement capped = settle(lowIncome.build(), nearCap);
        assertFigures(capped, "2500.00", "0.00", "2500.00", "500.00", "1500.00", "0.00", "100.00", "0.00", "900.00");
        assertExplains(capped, "medicalAssistance", "cap reached");
    }

    @Test
    void dialysisSafetyNetLeavesExactly35ForThePatient() {
        Fixtures.BillBuilder session = bill().kind(VisitKind.SPECIAL_CHRONIC).service("HEMODIALYSIS").line("HD001", "423.00");
        Settlement first = settle(session);
        // Deductible 300 a year; 65 % × 123 = 79.95; fallback 423 − 79.95 − 35 = 308.05.
        assertFigures(first, "423.00", "0.00", "423.00", "300.00", "79.95", "0.00", "0.00", "308.05", "35.00");
        Settlement second = settle(session.build(), first.after());
        // 65 % × 423 = 274.95; fallback 423 − 274.95 − 35 = 113.05.
        assertFigures(second, "423.00", "0.00", "423.00", "0.00", "274.95", "0.00", "0.00", "113.05", "35.00");
        Settlement peritoneal = settle(bill().kind(VisitKind.SPECIAL_CHRONIC).service("PERITONEAL_DIALYSIS")
                .line("PD001", "180.00"));
        assertEquals(yuan("18.00"), peritoneal.patientPays());
        assertEquals(yuan("162.00"), peritoneal.fallback());
    }

    @Test
    void badBillsAreRefusedWithTheirReason() {
        assertRefused(bill().line("A001", "-1.00"), 400, "negative-amount");
        assertRefused(bill().line("X999", "1.00"), 400, "unknown-item");
        assertRefused(bill().on(TODAY.plusDays(1)).line("A001", "1.00"), 400, "visit-in-future");
        assertRefused(bill().home("14118").line("A001", "1.00"), 400, "invalid-region");
        assertRefused(bill().treatedIn("0411820").line("A001", "1.00"), 400, "invalid-region");
        assertRefused(bill().tier(0).line("A001", "1.00"), 422, "no-policy-line");
    }

    private void assertRefused(Fixtures.BillBuilder bill, int status, String slug) {
        BillException e = assertThrows(BillException.class, () -> settle(bill));
        assertEquals(status, e.status());
        assertEquals(slug, e.slug());
    }

    private static void assertExplains(Settlement s, String figure, String text) {
        String explanation = s.explanations().get(figure);
        assertTrue(explanation.contains(text), explanation);
    }

    static void assertFigures(Settlement s, String total, String outOfScope, String eligible, String deductible,
                              String basicFund, String seriousIllness, String assistance, String fallback,
                              String patientPays) {
        assertArrayEquals(new BigDecimal[]{yuan(total), yuan(outOfScope), yuan(eligible), yuan(deductible),
                        yuan(basicFund), yuan(seriousIllness), yuan(assistance), yuan(fallback), yuan(patientPays)},
                new BigDecimal[]{s.total(), s.outOfScope(), s.eligible(), s.deductible(), s.basicFund(),
                        s.seriousIllness(), s.medicalAssistance(), s.fallback(), s.patientPays()});
    }
}
