package org.xietong.healthcare.institution;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** An institution as registered or changed; its code and region never change. */
public record InstitutionRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode,
        InstitutionLevel level,
        InstitutionType type,
        @Size(max = 3) Set<@NotNull Capability> capabilities,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
