package org.xietong.healthcare.settlement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A bulk upsert of a region's catalog items, each a version beginning on {@code validFrom} (default: today, or since
 * ever for an item the region never had); items not named stay as they are.
 */
public record CatalogUpload(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid CatalogItemRequest> items,
                            LocalDate validFrom) {
}
