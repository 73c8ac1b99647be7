package org.xietong.healthcare.consultation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request for a remote consultation; the patient, if named at all, is an opaque reference. */
public record ConsultationRequest(
        @NotNull Long consortiumId,
        @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String requesterCode,
        @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String consultantCode,
        @NotBlank @Size(max = 60) String specialty,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 4000) String question,
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be an opaque reference: 1 to 64 letters, digits or . _ : -") String patientRef) {

    @JsonIgnore

    @AssertTrue(message = "must differ from the requester")
    public boolean isConsultantElsewhere() {
        return requesterCode == null || !requesterCode.equals(consultantCode);
    }

    @JsonIgnore

    @AssertTrue(message = "must not be a resident ID number: send your system's opaque reference")
    public boolean isPatientRefOpaque() {
        return patientRef == null || !patientRef.matches("[0-9]{17}[0-9Xx]");
    }
}
