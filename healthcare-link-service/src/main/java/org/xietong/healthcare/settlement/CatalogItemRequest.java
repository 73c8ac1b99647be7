package org.xietong.healthcare.settlement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xietong.healthcare.settlement.engine.ItemClass;

import java.math.BigDecimal;

/** A catalog item as uploaded; {@code selfPayPercent} only for class B (null counts as 0). */
public record CatalogItemRequest(
        @NotNull @Pattern(regexp = ItemCodes.PATTERN, message = ItemCodes.MESSAGE) String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull ItemClass itemClass,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal selfPayPercent,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
}
