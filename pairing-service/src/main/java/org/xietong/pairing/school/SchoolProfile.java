package org.xietong.pairing.school;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The changeable part of a school, shared by registration, update and CSV import. */
public record SchoolProfile(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocationType locationType,
        @NotNull SchoolLevel level,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Min(0) @Max(100_000) Integer studentCount,
        Boolean qualityResource) {

    @JsonIgnore
    @AssertTrue(message = "latitude and longitude go together")
    boolean isCoordinatesTogether() {
        return (latitude == null) == (longitude == null);
    }

    /** Applies this profile; returns whether anything changed. */
    boolean applyTo(School school) {
        String cleanName = name.strip();
        boolean quality = Boolean.TRUE.equals(qualityResource);
        boolean changed = !cleanName.equals(school.name) || locationType != school.locationType || level != school.level
                || !java.util.Objects.equals(latitude, school.latitude) || !java.util.Objects.equals(longitude, school.longitude)
                || !java.util.Objects.equals(studentCount, school.studentCount) || quality != school.qualityResource;
        school.name = cleanName;
        school.locationType = locationType;
        school.level = level;
        school.latitude = latitude;
        school.longitude = longitude;
        school.studentCount = studentCount;
        school.qualityResource = quality;
        return changed;
    }
}
