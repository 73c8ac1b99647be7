package org.xietong.healthcare.settlement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.healthcare.settlement.engine.BillLine;
import org.xietong.healthcare.settlement.engine.CrossRegionKind;
import org.xietong.healthcare.settlement.engine.Insured;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.Visit;
import org.xietong.healthcare.settlement.engine.VisitKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill to quote or settle. The visit's {@code crossRegionKind} may be left out: the home region's filing valid on
 * the visit day decides it (EMERGENCY is the caller's to say), and a claim that contradicts the filings is refused. {@code billId} is the sender's own unique reference, echoed in batch results; a bill the
 * same sender has recorded under that id before is answered from that recording, so retries never settle twice.
 */
public record BillRequest(
        @Size(max = 64) String billId,
        @NotNull @Valid InsuredPart insured,
        @NotNull @Valid VisitPart visit,
        @NotEmpty @Size(max = BillRequest.MAX_LINES) List<@NotNull @Valid LinePart> lines) {

    /** The most lines one bill may have; a CSV batch refuses a longer bill as soon as its next line is read. */
    public static final int MAX_LINES = 500;

    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    public record InsuredPart(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") String personId,
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String homeRegion,
            @NotNull Scheme scheme,
            @Size(min = 1, max = 40) String assistanceCategory) {
    }

    public record VisitPart(
            @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) String treatmentRegion,
            @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String institutionCode,
            @NotNull VisitKind kind,
            CrossRegionKind crossRegionKind,
            @NotNull LocalDate date,
            @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be capital letters and underscores") String serviceType,
            @Min(1) @Max(62) Integer sessions) {
    }

    public record LinePart(
            @NotNull @Pattern(regexp = ItemCodes.PATTERN, message = ItemCodes.MESSAGE) String itemCode,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount) {
    }

    /**
     * The engine's bill, at the institution's tier from the institution registry and with the cross-region kind the
     * home region's filings decide.
     */
    public Bill toBill(int institutionTier, CrossRegionKind crossRegionKind) {
        return new Bill(new Insured(insured.personId(), insured.homeRegion(), insured.scheme(), insured.assistanceCategory()),
                new Visit(visit.treatmentRegion(), visit.institutionCode(), institutionTier, visit.kind(),
                        crossRegionKind, visit.date(), visit.serviceType(),
                        visit.sessions() == null ? 1 : visit.sessions()),
                lines.stream().map(l -> new BillLine(l.itemCode(), l.amount())).toList());
    }
}
