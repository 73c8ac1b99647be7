package org.xietong.healthcare.settlement;

import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.LineResult;
import org.xietong.healthcare.settlement.engine.Settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A quoted (id null) or recorded settlement; the figures' names are the issue's. */
public record SettlementView(UUID id, String billId, String personId, String homeRegion, String treatmentRegion,
                             String institutionCode, LocalDate visitDate, BigDecimal total, BigDecimal outOfScope,
                             BigDecimal eligible, BigDecimal deductible, BigDecimal basicFund,
                             BigDecimal seriousIllness, BigDecimal medicalAssistance, BigDecimal fallback,
                             BigDecimal patientPays, Map<String, String> explanations, List<LineResult> lines,
                             int year, Accumulators accumulatorsBefore, Accumulators accumulatorsAfter) {

    static SettlementView of(UUID id, String billId, String personId, String homeRegion, String treatmentRegion,
                             String institutionCode, LocalDate visitDate, Settlement s) {
        return new SettlementView(id, billId, personId, homeRegion, treatmentRegion, institutionCode, visitDate,
                s.total(), s.outOfScope(), s.eligible(), s.deductible(), s.basicFund(), s.seriousIllness(),
                s.medicalAssistance(), s.fallback(), s.patientPays(), s.explanations(), s.lines(), s.year(), s.before(),
                s.after());
    }

    SettlementView withoutAccumulators() {
        return new SettlementView(id, billId, personId, homeRegion, treatmentRegion, institutionCode, visitDate, total,
                outOfScope, eligible, deductible, basicFund, seriousIllness, medicalAssistance, fallback, patientPays,
                explanations, lines, year, null, null);
    }

    static SettlementView of(SettlementRecord r) {
        return of(r.id, r.billId, r.personId, r.homeRegion, r.treatmentRegion, r.institutionCode, r.visitDate, r.result);
    }
}
