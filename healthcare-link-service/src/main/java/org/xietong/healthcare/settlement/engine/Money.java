package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan with two decimals, half-up; percentages as plain numbers (70 = 70 %). */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Money() {
    }

    public static BigDecimal of(String yuan) {
        return fen(new BigDecimal(yuan));
    }

    public static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The share of {@code amount} at {@code percent}, rounded to the fen. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return fen(amount.multiply(percent).divide(HUNDRED, 6, RoundingMode.HALF_UP));
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal nonNegative(BigDecimal amount) {
        return amount.signum() < 0 ? ZERO : amount;
    }
}
