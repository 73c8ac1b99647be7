package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A settled bill. {@code total = basicFund + seriousIllness + medicalAssistance + fallback + patientPays} to the fen,
 * and {@code total = eligible + outOfScope}; {@code explanations} says, per figure, which rule and accumulator made it,
 * {@code billExplanations} the same without the person's yearly figures (null in results recorded before it existed).
 */
public record Settlement(BigDecimal total, BigDecimal outOfScope, BigDecimal eligible, BigDecimal deductible,
                         BigDecimal basicFund, BigDecimal seriousIllness, BigDecimal medicalAssistance,
                         BigDecimal fallback, BigDecimal patientPays, Map<String, String> explanations,
                         Map<String, String> billExplanations,
                         List<LineResult> lines, int year, Accumulators before, Accumulators after) {
}
