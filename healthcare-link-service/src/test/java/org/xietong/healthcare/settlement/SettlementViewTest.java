package org.xietong.healthcare.settlement;

import org.junit.jupiter.api.Test;
import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.healthcare.settlement.engine.SettlementEngine;
import org.xietong.healthcare.settlement.engine.VisitKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.engine.Fixtures.TODAY;
import static org.xietong.healthcare.settlement.engine.Fixtures.bill;
import static org.xietong.healthcare.settlement.engine.Fixtures.catalog;
import static org.xietong.healthcare.settlement.engine.Fixtures.shanxi;
import static org.xietong.healthcare.settlement.engine.Fixtures.yuan;

/** What a caller who is not on the insured's home side may read of a settlement: this bill, never the year. */
class SettlementViewTest {

    // Distinctive yearly figures, so any of them (or what is left under a ceiling) shows up in a text.
    private static final Accumulators BEFORE = new Accumulators(yuan("123.45"), yuan("2345.67"), yuan("34567.89"),
            yuan("4567.81"), yuan("567.91"), yuan("67.93"));

    private static Settlement settle(Scheme scheme, VisitKind kind) {
        Bill bill = bill().scheme(scheme).kind(kind).category("LOW_INCOME").line("A001", "1.00").build();
        return new SettlementEngine().settle(bill, shanxi(), catalog(), BEFORE, TODAY);
    }

    private static SettlementView view(Settlement s, boolean homeSide) {
        return SettlementView.of(null, "B1", "P1", "141182", "371481", "H3714810001", TODAY, s, homeSide);
    }

    /** Every yearly figure before and after the bill, and what was left of each deductible, ceiling and cap. */
    private static List<String> yearlyFigures(Settlement s) {
        List<String> figures = new ArrayList<>();
        for (Accumulators a : List.of(s.before(), s.after())) {
            figures.addAll(List.of(a.deductibleUsed(), a.basicFundUsed(), a.seriousBurden(), a.seriousPaid(),
                    a.assistancePaid(), a.fallbackPaid()).stream().map(BigDecimal::toPlainString).toList());
        }
        // Left before this bill: employee outpatient deductible 1000 and ceiling 5000, assistance cap 30000.
        figures.addAll(List.of("876.55", "2654.33", "29432.09"));
        return figures;
    }

    @Test
    void theTreatmentSideReadsNoYearlyFigureInAnyExplanation() {
        Settlement s = settle(Scheme.EMPLOYEE, VisitKind.OUTPATIENT);
        SettlementView view = view(s, false);
        assertNull(view.accumulatorsBefore());
        assertNull(view.accumulatorsAfter());
        for (Map.Entry<String, String> explanation : view.explanations().entrySet()) {
            for (String figure : yearlyFigures(s)) {
                assertFalse(explanation.getValue().contains(figure), explanation.getKey() + " gives away " + figure
                        + ": " + explanation.getValue());
            }
            assertFalse(explanation.getValue().matches("(?s).*(already used|paid before|used before| left).*"),
                    explanation.getKey() + ": " + explanation.getValue());
        }
    }

    @Test
    void theTreatmentSideStillReadsTheRuleAndThisBillsFigures() {
        Settlement s = settle(Scheme.EMPLOYEE, VisitKind.OUTPATIENT);
        Map<String, String> explanations = view(s, false).explanations();
        assertEquals(s.explanations().keySet(), explanations.keySet());
        assertTrue(explanations.get("deductible").contains("1000 per year"), explanations.get("deductible"));
        assertTrue(explanations.get("deductible").endsWith("this bill: " + s.deductible()), explanations.get("deductible"));
        assertTrue(explanations.get("basicFund").contains("yearly ceiling 5000"), explanations.get("basicFund"));
        assertTrue(explanations.get("medicalAssistance").contains("LOW_INCOME"), explanations.get("medicalAssistance"));
    }

    @Test
    void theSeriousIllnessExplanationKeepsTheYearsBurdenAtHome() {
        Settlement s = settle(Scheme.RESIDENT, VisitKind.INPATIENT);
        String text = view(s, false).explanations().get("seriousIllness");
        assertFalse(text.contains("34567.89"), text);
        assertFalse(text.contains(s.after().seriousBurden().toPlainString()), text);
        assertTrue(text.contains("threshold 10000"), text);
    }

    @Test
    void theHomeSideReadsTheYearlyFiguresAndTheirExplanations() {
        Settlement s = settle(Scheme.EMPLOYEE, VisitKind.OUTPATIENT);
        SettlementView view = view(s, true);
        assertEquals(BEFORE, view.accumulatorsBefore());
        assertTrue(view.explanations().get("deductible").contains("123.45 already used"),
                view.explanations().get("deductible"));
    }

    @Test
    void aResultRecordedBeforeBillExplanationsExistedShowsTheTreatmentSideNoYearlyText() {
        Settlement full = settle(Scheme.EMPLOYEE, VisitKind.OUTPATIENT);
        Settlement old = new Settlement(full.total(), full.outOfScope(), full.eligible(), full.deductible(),
                full.basicFund(), full.seriousIllness(), full.medicalAssistance(), full.fallback(), full.patientPays(),
                full.explanations(), null, full.lines(), full.year(), full.before(), full.after());
        Map<String, String> explanations = view(old, false).explanations();
        for (String figure : yearlyFigures(old)) {
            assertFalse(explanations.values().stream().anyMatch(text -> text.contains(figure)), figure);
        }
        assertEquals(full.explanations().get("total"), explanations.get("total"));
    }
}
