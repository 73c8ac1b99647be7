package org.xietong.healthcare.settlement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A bulk upsert of a region's catalog items; items not named stay as they are. */
public record CatalogUpload(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid CatalogItemRequest> items) {
}
