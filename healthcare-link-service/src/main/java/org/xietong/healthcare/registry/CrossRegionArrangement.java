package org.xietong.healthcare.registry;

import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.CrossRegionKind;
import org.xietong.healthcare.settlement.engine.SettlementEngine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Decides a visit's cross-region kind from the home insurer's filings rather than from the caller's claim: within
 * the home pooling area a visit is LOCAL; an emergency counts as registered and needs no filing; otherwise the
 * filing valid on the visit day that covers the treatment region decides (residence, resettlement and postings are
 * REGISTERED, a referral REFERRAL, a temporary stay TEMPORARY), and a visit no filing covers is TEMPORARY. A caller
 * may leave the kind out; a claim that contradicts the registry is refused with the reason.
 */
public final class CrossRegionArrangement {

    private CrossRegionArrangement() {
    }

    public static CrossRegionKind decide(String homeRegion, String treatmentRegion, LocalDate day,
                                         CrossRegionKind claimed, List<CrossRegionFiling> filings) {
        if (SettlementEngine.samePoolingArea(homeRegion, treatmentRegion)) {
            if (claimed != null && claimed != CrossRegionKind.LOCAL) {
                throw contradiction("A visit in " + treatmentRegion + " is within the pooling area of the home region "
                        + homeRegion + ", so it is LOCAL, not " + claimed);
            }
            return CrossRegionKind.LOCAL;
        }
        if (claimed == CrossRegionKind.LOCAL) {
            throw BillException.invalid("not-local", "A visit in " + treatmentRegion + " is not LOCAL for a person "
                    + "insured in " + homeRegion + "; leave the cross-region kind out and the home region's filings decide it");
        }
        if (claimed == CrossRegionKind.EMERGENCY) {
            return CrossRegionKind.EMERGENCY;
        }
        Optional<CrossRegionFiling> filing = filings.stream()
                .filter(f -> f.homeRegion.equals(homeRegion) && f.validOn(day) && f.covers(treatmentRegion)).findFirst();
        CrossRegionKind decided = filing.map(f -> f.kind.crossRegionKind()).orElse(CrossRegionKind.TEMPORARY);
        if (claimed == null || claimed == decided) {
            return decided;
        }
        throw contradiction(filing.map(f -> "The home region's " + f.kind + " filing " + f.id + " for " + f.destinationRegion
                        + " (valid " + f.validFrom + " to " + (f.validTo == null ? "open" : f.validTo) + ") makes a visit in "
                        + treatmentRegion + " on " + day + " " + decided + ", not " + claimed)
                .orElse("No filing (备案) of the home region " + homeRegion + " covers a visit in " + treatmentRegion
                        + " on " + day + ", so it is " + decided + ", not " + claimed
                        + "; the home insurer files first (POST /api/v1/healthcare/filings), or leave the kind out"));
    }

    private static BillException contradiction(String detail) {
        return BillException.unanswerable("cross-region-kind-contradicts-registry", detail);
    }
}
