package org.xietong.rotation.dossier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An entry a teacher or school adds: a training, an award, research, a note. */
public record DossierRequest(
        @NotNull DossierEntry.Kind kind,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String details,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @DecimalMin("0.0") @DecimalMax("999.9") @Digits(integer = 3, fraction = 1) BigDecimal credits,
        boolean countsForTitle,
        boolean countsForAward) {

    @JsonIgnore
    @AssertTrue(message = "must not be before the start date")
    public boolean isEndDateAfterStart() {
        return endDate == null || startDate == null || !endDate.isBefore(startDate);
    }

    @JsonIgnore
    @AssertTrue(message = "rotations and evaluations are written by the workflow, not by hand")
    public boolean isKindManual() {
        return kind == null || kind == DossierEntry.Kind.TRAINING || kind == DossierEntry.Kind.AWARD
                || kind == DossierEntry.Kind.RESEARCH || kind == DossierEntry.Kind.NOTE;
    }
}
