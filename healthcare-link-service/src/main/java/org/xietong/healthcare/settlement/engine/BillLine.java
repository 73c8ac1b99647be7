package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;

public record BillLine(String itemCode, BigDecimal amount) {
}
