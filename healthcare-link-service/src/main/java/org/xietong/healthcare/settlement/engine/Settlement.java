package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A settled bill. {@code total = basicFund + seriousIllness + medicalAssistance + fallback + patientPays} to the fen,
 * and {@code total = eligible + outOfScope}; {@code explanations} says, per figure, which rule and accumulator made it.
 */
public record Settlement(BigDecimal total, BigDecimal outOfScope, BigDecimal eligible, BigDecimal deductible,
                         BigDecimal basicFund, BigDecimal seriousIllness, BigDecimal medicalAssistance,
                         BigDecimal fallback, BigDecimal patientPays, Map<String, String> explanations,
                         List<LineResult> lines, int year, Accumulators before, Accumulators after) {
}
