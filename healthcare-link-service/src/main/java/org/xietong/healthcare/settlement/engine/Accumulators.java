package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;

/**
 * What one person has used in one calendar year: deductible paid, basic fund paid, personal eligible burden
 * counted towards serious-illness insurance and what it paid, assistance paid, fallback paid.
 */
public record Accumulators(BigDecimal deductibleUsed, BigDecimal basicFundUsed, BigDecimal seriousBurden,
                           BigDecimal seriousPaid, BigDecimal assistancePaid, BigDecimal fallbackPaid) {

    public static final Accumulators EMPTY = new Accumulators(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO);
}
