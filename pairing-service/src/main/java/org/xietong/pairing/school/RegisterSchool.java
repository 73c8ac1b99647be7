package org.xietong.pairing.school;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new school: its code and region, which never change, and its profile (validated as {@link SchoolProfile}, whose
 * bounds the fields repeat so the document shows them).
 */
public record RegisterSchool(
        @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be the 10-digit school identification code (学校标识码)")
        String code,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 region code")
        String regionCode,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocationType locationType,
        @NotNull SchoolLevel level,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Min(0) @Max(100_000) Integer studentCount,
        Boolean qualityResource) {

    SchoolProfile profile() {
        return new SchoolProfile(name, locationType, level, latitude, longitude, studentCount, qualityResource);
    }
}
