package org.xietong.healthcare.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A 门诊慢特病 certification as the home insurer records it (say M07800 尿毒症透析). */
public record CertificationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") String personId,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String homeRegion,
        @NotNull @Pattern(regexp = "[A-Z0-9.]{2,20}", message = "must be 2 to 20 capital letters, digits or dots") String diseaseCode,
        @NotBlank @Size(max = 100) String diseaseName,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {
}
