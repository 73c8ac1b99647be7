package org.xietong.pairing.school;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new school: its code and region, which never change, and its profile (validated as {@link SchoolProfile}). */
public record RegisterSchool(
        @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be the 10-digit school identification code (学校标识码)")
        String code,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 region code")
        String regionCode,
        String name,
        LocationType locationType,
        SchoolLevel level,
        Double latitude,
        Double longitude,
        Integer studentCount,
        Boolean qualityResource) {

    SchoolProfile profile() {
        return new SchoolProfile(name, locationType, level, latitude, longitude, studentCount, qualityResource);
    }
}
