package org.xietong.healthcare.registry;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.xietong.platform.persistence.TrackedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a home insurer registers about one of its insured for a span of days (a 备案, a chronic-disease
 * certification): valid from {@code validFrom} to {@code validTo} (null: open-ended) while ACTIVE.
 */
@MappedSuperclass
public abstract class Registration extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false, length = 64)
    public String personId;

    @Column(name = "home_region", nullable = false, length = 6)
    public String homeRegion;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public RegistrationStatus status = RegistrationStatus.ACTIVE;

    @Column(name = "filed_by", nullable = false, length = 100)
    public String filedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason", length = 500)
    public String revocationReason;

    /** Whether it is in force on the day: active and the day within its span. */
    public boolean validOn(LocalDate day) {
        return status == RegistrationStatus.ACTIVE && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether its span shares a day with another span. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
        boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
