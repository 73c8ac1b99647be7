package org.xietong.healthcare.settlement;

import org.xietong.healthcare.settlement.engine.CatalogItem;

import java.time.LocalDate;

/** One version of a catalog item: the region that defined it and the days it is in force (validTo null: open). */
public record CatalogItemVersion(String definedBy, LocalDate validFrom, LocalDate validTo, CatalogItem item) {
}
