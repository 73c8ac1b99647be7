package org.xietong.pairing.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

public record RecordActivity(
        @NotNull java.util.UUID pairingId,
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
    @AssertTrue(message = "endDate must not be before startDate")
    boolean isDatesInOrder() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }
}
