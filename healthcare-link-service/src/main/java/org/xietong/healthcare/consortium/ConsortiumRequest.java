package org.xietong.healthcare.consortium;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A consortium as created or changed; its kind and lead never change. */
public record ConsortiumRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull ConsortiumKind kind,
        @Size(max = 60) String specialty,
        @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String leadCode,
        @Size(max = 2000) String description) {

    @JsonIgnore

    @AssertTrue(message = "a specialty alliance names its specialty")
    public boolean isSpecialtyGiven() {
        return kind != ConsortiumKind.SPECIALTY_ALLIANCE || (specialty != null && !specialty.isBlank());
    }
}
