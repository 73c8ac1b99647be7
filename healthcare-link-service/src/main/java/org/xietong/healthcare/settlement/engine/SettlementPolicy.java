package org.xietong.healthcare.settlement.engine;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A home region's settlement policy (参保地政策), as one document: basic-insurance lines per scheme, visit kind and
 * institution tier; serious-illness insurance (大病保险) per scheme; medical assistance (医疗救助) per category; and
 * local safety-net cover (兜底) per service type and institution, in the field {@code fallback}. Money in yuan, rates
 * in percent.
 */
public record SettlementPolicy(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        @Size(max = 10) List<@NotNull @Valid SeriousIllness> seriousIllness,
        @Size(max = 50) List<@NotNull @Valid Assistance> assistance,
        @Size(max = 200) List<@NotNull @Valid SafetyNet> fallback) {

    public SettlementPolicy {
        seriousIllness = seriousIllness == null ? List.of() : List.copyOf(seriousIllness);
        assistance = assistance == null ? List.of() : List.copyOf(assistance);
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    /**
     * Basic insurance for one scheme and visit kind at institutions of one tier (null: any tier without its own
     * line). The rate drops by {@code referralReductionPoints} for referrals and emergencies and by
     * {@code temporaryReductionPoints} for temporary visits elsewhere.
     */
    @Schema(name = "PolicyLine")
    public record Line(
            @NotNull Scheme scheme,
            @NotNull VisitKind kind,
            @Min(0) @Max(3) Integer tier,
            @NotNull DeductibleBasis deductibleBasis,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal deductible,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal ratePercent,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal yearlyCeiling,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal referralReductionPoints,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal temporaryReductionPoints) {

        public String describe() {
            return scheme + "/" + kind + "/" + (tier == null ? "any tier" : "tier " + tier);
        }
    }

    /** Serious-illness insurance of a scheme (null: every scheme) on the yearly personal eligible burden. */
    public record SeriousIllness(
            Scheme scheme,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal yearlyThreshold,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid Tier> tiers,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal yearlyCap) {

        public SeriousIllness {
            tiers = tiers == null ? List.of() : tiers.stream()
                    .sorted(Comparator.comparing(t -> t.upTo() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : t.upTo()))
                    .toList();
        }
    }

    /** Rate for the burden above the threshold up to {@code upTo} (counted from the threshold; null: no limit). */
    @Schema(name = "SeriousIllnessTier")
    public record Tier(
            @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal upTo,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal ratePercent) {
    }

    /** Medical assistance for one category (e.g. 特困, 低保): a rate on the remaining eligible burden, a yearly cap. */
    @Schema(name = "MedicalAssistance")
    public record Assistance(
            @NotBlank @Size(max = 40) String category,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal ratePercent,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal yearlyCap) {
    }

    /**
     * Local safety-net cover (兜底) for a service type at one institution (null: any): the patient pays a fixed copay
     * per session and the safety-net fund the rest of what they would have paid. Its field in the API is "fallback".
     */
    @Schema(name = "SafetyNetCover")
    public record SafetyNet(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}") String serviceType,
            @Pattern(regexp = "[A-Z0-9]{4,32}") String institutionCode,
            @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal copayPerSession) {
    }

    public Optional<Line> line(Scheme scheme, VisitKind kind, int tier) {
        Optional<Line> exact = lines.stream()
                .filter(l -> l.scheme() == scheme && l.kind() == kind && l.tier() != null && l.tier() == tier).findFirst();
        return exact.or(() -> lines.stream().filter(l -> l.scheme() == scheme && l.kind() == kind && l.tier() == null)
                .findFirst());
    }

    public Optional<SeriousIllness> seriousIllness(Scheme scheme) {
        return seriousIllness.stream().filter(s -> s.scheme() == scheme).findFirst()
                .or(() -> seriousIllness.stream().filter(s -> s.scheme() == null).findFirst());
    }

    public Optional<Assistance> assistance(String category) {
        return category == null ? Optional.empty()
                : assistance.stream().filter(a -> a.category().equals(category)).findFirst();
    }

    public Optional<SafetyNet> safetyNet(String serviceType, String institutionCode) {
        if (serviceType == null) {
            return Optional.empty();
        }
        return fallback.stream().filter(f -> f.serviceType().equals(serviceType) && institutionCode.equals(f.institutionCode()))
                .findFirst()
                .or(() -> fallback.stream().filter(f -> f.serviceType().equals(serviceType) && f.institutionCode() == null)
                        .findFirst());
    }
}
