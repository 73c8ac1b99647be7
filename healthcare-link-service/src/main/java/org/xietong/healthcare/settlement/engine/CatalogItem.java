package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;

/**
 * One item of a treatment region's catalog. {@code selfPayPercent} is the first self-pay ratio of a class B item
 * (0 for A and C); {@code unitPrice} is the region's price for one unit, used by forecasts (may be null).
 */
public record CatalogItem(String code, String name, ItemClass itemClass, BigDecimal selfPayPercent,
                          BigDecimal unitPrice) {
}
