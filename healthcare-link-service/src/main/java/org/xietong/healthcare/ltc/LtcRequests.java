package org.xietong.healthcare.ltc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The request bodies of the LTC endpoints. */
public final class LtcRequests {

    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    private LtcRequests() {
    }

    /** An agreement: {@code homeRegion} recognises assessments made in {@code residenceRegion}. */
    @Schema(name = "LtcAgreement")
    public record Agreement(
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String homeRegion,
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String residenceRegion,
            boolean mutual,
            @Pattern(regexp = "NATIONAL_2021", message = "must be NATIONAL_2021 (the national 2021 standard)") String standard,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {
    }

    /** Monthly benefit in yuan by grade (0–5), e.g. {"3": 1200.00}. */
    @Schema(name = "LtcBenefitRates")
    public record Benefits(@NotEmpty @Size(max = 6) Map<@NotNull @Min(0) @Max(5) Integer,
            @NotNull @DecimalMin("0.00") @DecimalMax("100000.00") @Digits(integer = 6, fraction = 2) BigDecimal> monthlyByGrade) {
    }

    /** The home insurer asks for an assessment where the person lives. */
    @Schema(name = "LtcAssessmentRequest")
    public record Assessment(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be an opaque reference, letters, digits, '-' or '_'") String personRef,
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String homeRegion,
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String residenceRegion,
            @DecimalMin("-90") @DecimalMax("90") Double residenceLatitude,
            @DecimalMin("-180") @DecimalMax("180") Double residenceLongitude) {
    }

    /** The assessor's result: the three first-level indicators (national 2021 standard) and the grade. */
    @Schema(name = "LtcAssessmentResult")
    public record Result(
            @NotNull @Min(0) @Max(100) Integer dailyLiving,
            @NotNull @Min(0) @Max(100) Integer cognition,
            @NotNull @Min(0) @Max(100) Integer perception,
            @NotNull @Min(0) @Max(5) Integer grade) {
    }

    /** The assessor's corrected result and why the recorded one was wrong. */
    @Schema(name = "LtcAssessmentCorrection")
    public record Correction(@NotNull @Valid Result result, @NotBlank @Size(max = 500) String reason) {
    }

    /** Why the home insurer asks for a re-assessment (复评). */
    @Schema(name = "LtcReassessmentRequest")
    public record Reassessment(@NotBlank @Size(max = 500) String reason) {
    }

    /** The home insurer's decision where no agreement recognises the assessment automatically. */
    @Schema(name = "LtcRecognitionDecision")
    public record Decision(boolean recognise, @Size(max = 500) String reason) {
    }
}
