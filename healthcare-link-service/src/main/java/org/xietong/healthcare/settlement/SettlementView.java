package org.xietong.healthcare.settlement;

import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.LineResult;
import org.xietong.healthcare.settlement.engine.Settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A quoted (id and status null) or recorded settlement; the figures' names are the issue's. A recorded one is SETTLED
 * or REVERSED (when and why); one settled again after an earlier bill was reversed names the row it {@code replaces}.
 */
public record SettlementView(UUID id, String billId, String personId, String homeRegion, String treatmentRegion,
                             String institutionCode, LocalDate visitDate, BigDecimal total, BigDecimal outOfScope,
                             BigDecimal eligible, BigDecimal deductible, BigDecimal basicFund,
                             BigDecimal seriousIllness, BigDecimal medicalAssistance, BigDecimal fallback,
                             BigDecimal patientPays, Map<String, String> explanations, List<LineResult> lines,
                             int year, Accumulators accumulatorsBefore, Accumulators accumulatorsAfter,
                             SettlementStatus status, UUID replaces, Instant reversedAt, String reversalReason) {

    /** The figures whose rules count against a person's yearly sums. */
    private static final Set<String> YEARLY = Set.of("deductible", "basicFund", "seriousIllness", "medicalAssistance");

    /**
     * The one place that decides what a caller sees of a person's year: the insured's home side sees the yearly
     * accumulators and the explanations that cite them; anyone else (the treatment side) sees this bill's figures and
     * the rules applied, with no yearly figure in any explanation.
     */
    static SettlementView of(UUID id, String billId, String personId, String homeRegion, String treatmentRegion,
                             String institutionCode, LocalDate visitDate, Settlement s, boolean homeSide) {
        return of(id, billId, personId, homeRegion, treatmentRegion, institutionCode, visitDate, s, homeSide,
                id == null ? null : SettlementStatus.SETTLED, null, null, null);
    }

    private static SettlementView of(UUID id, String billId, String personId, String homeRegion, String treatmentRegion,
                                     String institutionCode, LocalDate visitDate, Settlement s, boolean homeSide,
                                     SettlementStatus status, UUID replaces, Instant reversedAt, String reversalReason) {
        return new SettlementView(id, billId, personId, homeRegion, treatmentRegion, institutionCode, visitDate,
                s.total(), s.outOfScope(), s.eligible(), s.deductible(), s.basicFund(), s.seriousIllness(),
                s.medicalAssistance(), s.fallback(), s.patientPays(),
                homeSide ? s.explanations() : billExplanations(s), s.lines(), s.year(),
                homeSide ? s.before() : null, homeSide ? s.after() : null, status, replaces, reversedAt, reversalReason);
    }

    /** Results recorded before bill explanations existed keep only the figures that involve no yearly sum. */
    private static Map<String, String> billExplanations(Settlement s) {
        if (s.billExplanations() != null) {
            return s.billExplanations();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        s.explanations().forEach((figure, text) -> kept.put(figure, YEARLY.contains(figure)
                ? "this figure depends on the person's yearly sums, which only the home region sees" : text));
        return kept;
    }

    static SettlementView of(SettlementRecord r, boolean homeSide) {
        return of(r.id, r.billId, r.personId, r.homeRegion, r.treatmentRegion, r.institutionCode, r.visitDate, r.result,
                homeSide, r.status, r.replaces, r.reversedAt, r.reversalReason);
    }
}
