package org.xietong.pairing.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * An activity and its host: a pairing, an education group, alliance or school district ({@code allianceId}), or a
 * region with several of its schools ({@code hostRegion}: a 名师讲堂 for a city, a 研学 of several districts).
 */
public record RecordActivity(
        @Schema(description = "The pairing that hosts it; exactly one of pairingId, allianceId and hostRegion")
        java.util.UUID pairingId,
        @Schema(description = "The education group, alliance or school district (学区) that hosts it")
        java.util.UUID allianceId,
        @Schema(description = "The region (GB/T 2260) that hosts an activity of several of its schools")
        @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String hostRegion,
        @NotNull ActivityKind kind,
        ActivityMode mode,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Size(max = 200) String place,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[0-9]{10}") String> schools,
        @Min(0) @Max(100_000) Integer students,
        @Min(0) @Max(10_000) Integer teachers,
        @Min(0) @Max(1_000) Integer classes,
        @Size(max = 4000) String summary) {

    /** The ledger records what happened; a far-future end would also hide a dormant pairing. */
    @JsonIgnore
    @AssertTrue(message = "endDate must not be in the future")
    boolean isEndedAlready() {
        return endDate == null || !endDate.isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @JsonIgnore
    @AssertTrue(message = "exactly one of pairingId, allianceId and hostRegion names the host")
    boolean isOneHost() {
        return (pairingId != null ? 1 : 0) + (allianceId != null ? 1 : 0) + (hostRegion != null ? 1 : 0) == 1;
    }

    @JsonIgnore
    @AssertTrue(message = "endDate must not be before startDate")
    boolean isDatesInOrder() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }
}
