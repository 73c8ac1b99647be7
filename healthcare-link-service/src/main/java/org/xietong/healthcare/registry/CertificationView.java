package org.xietong.healthcare.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A chronic-disease certification as its home side sees it. */
public record CertificationView(UUID id, String personId, String homeRegion, String diseaseCode, String diseaseName,
                                LocalDate validFrom, LocalDate validTo, RegistrationStatus status, Instant revokedAt,
                                String revocationReason, Instant certifiedAt) {

    static CertificationView of(ChronicCertification c) {
        return new CertificationView(c.id, c.personId, c.homeRegion, c.diseaseCode, c.diseaseName, c.validFrom,
                c.validTo, c.status, c.revokedAt, c.revocationReason, c.createdAt);
    }
}
