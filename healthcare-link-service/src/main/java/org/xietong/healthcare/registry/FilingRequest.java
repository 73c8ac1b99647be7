package org.xietong.healthcare.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/** A 备案 as the home insurer (or its partner system) files it; validTo may stay open for residence and postings. */
public record FilingRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") String personId,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String homeRegion,
        @NotNull FilingKind kind,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String destinationRegion,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {
}
