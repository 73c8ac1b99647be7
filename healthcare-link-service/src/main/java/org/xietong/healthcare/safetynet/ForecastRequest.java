package org.xietong.healthcare.safetynet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.VisitKind;

import java.util.List;

/**
 * A cohort of a home region's patients, e.g. 121 haemodialysis patients with 156 sessions a year. The year defaults
 * to the current one; the visit kind to SPECIAL_CHRONIC (门诊慢特病).
 */
public record ForecastRequest(
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String homeRegion,
        @Min(2000) @Max(2100) Integer year,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Group> groups) {

    @Schema(name = "ForecastPatientGroup")
    public record Group(
            @NotBlank @Size(max = 100) String label,
            @NotNull @Min(1) @Max(1_000_000) Integer patients,
            @NotNull Scheme scheme,
            @Size(min = 1, max = 40) String assistanceCategory,
            @NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be capital letters and underscores") String serviceType,
            VisitKind kind,
            @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String institutionCode,
            @NotNull @Size(min = 1, max = 40) String itemCode,
            @NotNull @Min(1) @Max(1_500) Integer sessionsPerYear) {
    }
}
