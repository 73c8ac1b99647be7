package org.xietong.pairing.agreement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A proposed pairing. Parties are school codes, or region codes for REGION pairings. The term starts today and
 * lasts three years unless given.
 */
public record ProposePairing(
        @NotNull PairingKind kind,
        @NotNull @Pattern(regexp = "[0-9]{6}|[0-9]{10}", message = "must be a 10-digit school code or a 6-digit region code")
        String supportingParty,
        @NotNull @Pattern(regexp = "[0-9]{6}|[0-9]{10}", message = "must be a 10-digit school code or a 6-digit region code")
        String supportedParty,
        LocalDate termStart,
        LocalDate termEnd,
        @Size(max = 2000) String goals) {
}
