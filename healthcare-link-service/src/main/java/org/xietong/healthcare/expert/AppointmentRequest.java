package org.xietong.healthcare.expert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The patient as an opaque reference of the booking institution's system (never a name or an ID number). */
public record AppointmentRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be an opaque reference: 1 to 64 letters, digits or . _ : -") String patientRef) {

    @JsonIgnore

    @AssertTrue(message = "must not be a resident ID number: send your system's opaque reference")
    public boolean isPatientRefOpaque() {
        return patientRef == null || !patientRef.matches("[0-9]{17}[0-9Xx]");
    }
}
