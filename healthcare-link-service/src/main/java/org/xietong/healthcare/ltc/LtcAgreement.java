package org.xietong.healthcare.ltc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.persistence.RecordedEntity;

import java.time.LocalDate;
import java.util.UUID;

/** The home region recognises assessments made in the residence region (both ways when mutual). */
@Entity
@Table(name = "ltc_agreement")
public class LtcAgreement extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "home_region", nullable = false, length = 6)
    public String homeRegion;

    @Column(name = "residence_region", nullable = false, length = 6)
    public String residenceRegion;

    @Column(nullable = false)
    public boolean mutual;

    @Column(nullable = false, length = 16)
    public String standard;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    /** Whether a person insured in {@code home} and assessed in {@code residence} on {@code date} is covered. */
    public boolean covers(String home, String residence, LocalDate date) {
        boolean valid = !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
        boolean forward = RegionCode.covers(homeRegion, home) && RegionCode.covers(residenceRegion, residence);
        boolean backward = mutual && RegionCode.covers(residenceRegion, home) && RegionCode.covers(homeRegion, residence);
        return valid && (forward || backward);
    }
}
