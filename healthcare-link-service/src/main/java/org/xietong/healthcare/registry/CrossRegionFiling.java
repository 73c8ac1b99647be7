package org.xietong.healthcare.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.xietong.platform.region.RegionCode;

/**
 * A 异地就医备案: the home insurer's record that its insured is treated in {@code destinationRegion} (a district,
 * a city such as 500100 or a whole province such as 500000) for a span of days, and why.
 */
@Entity
@Table(name = "cross_region_filing")
public class CrossRegionFiling extends Registration {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public FilingKind kind;

    @Column(name = "destination_region", nullable = false, length = 6)
    public String destinationRegion;

    /** Whether the destination covers the treatment region: the same district, or its city or province. */
    public boolean covers(String treatmentRegion) {
        return RegionCode.covers(destinationRegion, treatmentRegion);
    }
}
