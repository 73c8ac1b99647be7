package org.xietong.healthcare.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A filing as its home side and the treatment side it covers see it. */
public record FilingView(UUID id, String personId, String homeRegion, FilingKind kind, String destinationRegion,
                         LocalDate validFrom, LocalDate validTo, RegistrationStatus status, Instant revokedAt,
                         String revocationReason, Instant filedAt) {

    static FilingView of(CrossRegionFiling f) {
        return new FilingView(f.id, f.personId, f.homeRegion, f.kind, f.destinationRegion, f.validFrom, f.validTo,
                f.status, f.revokedAt, f.revocationReason, f.createdAt);
    }
}
