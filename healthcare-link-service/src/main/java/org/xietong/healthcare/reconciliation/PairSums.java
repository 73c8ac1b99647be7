package org.xietong.healthcare.reconciliation;

import java.math.BigDecimal;

/** Sums as the database gives them: one row per region pair of the settlements recorded (or reversed) in a month. */
public record PairSums(String homeRegion, String treatmentRegion, Long count, BigDecimal total, BigDecimal basicFund,
                       BigDecimal seriousIllness, BigDecimal medicalAssistance, BigDecimal fallback,
                       BigDecimal patientPays) {

    static PairSums none(String homeRegion, String treatmentRegion) {
        return new PairSums(homeRegion, treatmentRegion, 0L, null, null, null, null, null, null);
    }
}
