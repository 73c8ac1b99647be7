package org.xietong.healthcare.expert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An expert: name, professional title (e.g. 主任医师), specialty and home institution. */
public record ExpertRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 60) String specialty,
        @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String homeInstitutionCode) {
}
