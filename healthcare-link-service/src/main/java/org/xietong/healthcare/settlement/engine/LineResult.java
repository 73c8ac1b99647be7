package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;

/** How the treatment region's catalog classed one bill line: its eligible part and what stays outside. */
public record LineResult(String itemCode, ItemClass itemClass, BigDecimal amount, BigDecimal eligible,
                         BigDecimal outOfScope) {
}
