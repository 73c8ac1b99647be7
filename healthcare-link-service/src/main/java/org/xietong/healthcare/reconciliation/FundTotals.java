package org.xietong.healthcare.reconciliation;

import java.math.BigDecimal;

/**
 * What one home region × treatment region pair owes for a month (清算), fund by fund: the settlements recorded in
 * the month less those reversed in it (a bill settled in one month and reversed in the next counts in both, with
 * opposite signs, so a closed month is never reopened). {@code fallback} is the local safety-net cover (兜底).
 */
public record FundTotals(String homeRegion, String treatmentRegion, long settled, long reversed, BigDecimal total,
                         BigDecimal basicFund, BigDecimal seriousIllness, BigDecimal medicalAssistance,
                         BigDecimal fallback, BigDecimal patientPays) {

    static FundTotals net(String home, String treatment, PairSums settled, PairSums reversed) {
        PairSums plus = settled == null ? PairSums.none(home, treatment) : settled;
        PairSums less = reversed == null ? PairSums.none(home, treatment) : reversed;
        return new FundTotals(home, treatment, count(plus), count(less), minus(plus.total(), less.total()),
                minus(plus.basicFund(), less.basicFund()), minus(plus.seriousIllness(), less.seriousIllness()),
                minus(plus.medicalAssistance(), less.medicalAssistance()), minus(plus.fallback(), less.fallback()),
                minus(plus.patientPays(), less.patientPays()));
    }

    /** The sum of many rows (the month's grand total, a year's fallback). */
    static FundTotals sum(String home, String treatment, Iterable<FundTotals> rows) {
        long settled = 0;
        long reversed = 0;
        BigDecimal[] sums = {zero(), zero(), zero(), zero(), zero(), zero()};
        for (FundTotals r : rows) {
            settled += r.settled;
            reversed += r.reversed;
            BigDecimal[] figures = {r.total, r.basicFund, r.seriousIllness, r.medicalAssistance, r.fallback, r.patientPays};
            for (int i = 0; i < sums.length; i++) {
                sums[i] = sums[i].add(figures[i]);
            }
        }
        return new FundTotals(home, treatment, settled, reversed, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
    }

    private static long count(PairSums sums) {
        return sums.count() == null ? 0 : sums.count();
    }

    private static BigDecimal minus(BigDecimal plus, BigDecimal less) {
        return (plus == null ? zero() : plus).subtract(less == null ? zero() : less).setScale(2);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
