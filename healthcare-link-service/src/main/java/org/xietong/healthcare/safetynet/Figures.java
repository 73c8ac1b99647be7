package org.xietong.healthcare.safetynet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.healthcare.settlement.engine.Money;
import org.xietong.healthcare.settlement.engine.Settlement;

import java.math.BigDecimal;

/** The settlement figures summed over sessions or patients. */
@Schema(name = "SafetyNetFigures")
public record Figures(BigDecimal total, BigDecimal outOfScope, BigDecimal eligible, BigDecimal deductible,
                      BigDecimal basicFund, BigDecimal seriousIllness, BigDecimal medicalAssistance,
                      BigDecimal fallback, BigDecimal patientPays) {

    public static final Figures ZERO = new Figures(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    public Figures plus(Settlement s) {
        return new Figures(total.add(s.total()), outOfScope.add(s.outOfScope()), eligible.add(s.eligible()),
                deductible.add(s.deductible()), basicFund.add(s.basicFund()), seriousIllness.add(s.seriousIllness()),
                medicalAssistance.add(s.medicalAssistance()), fallback.add(s.fallback()), patientPays.add(s.patientPays()));
    }

    public Figures plus(Figures f) {
        return new Figures(total.add(f.total), outOfScope.add(f.outOfScope), eligible.add(f.eligible),
                deductible.add(f.deductible), basicFund.add(f.basicFund), seriousIllness.add(f.seriousIllness),
                medicalAssistance.add(f.medicalAssistance), fallback.add(f.fallback), patientPays.add(f.patientPays));
    }

    public Figures times(int n) {
        BigDecimal k = BigDecimal.valueOf(n);
        return new Figures(total.multiply(k), outOfScope.multiply(k), eligible.multiply(k), deductible.multiply(k),
                basicFund.multiply(k), seriousIllness.multiply(k), medicalAssistance.multiply(k), fallback.multiply(k),
                patientPays.multiply(k));
    }
}
