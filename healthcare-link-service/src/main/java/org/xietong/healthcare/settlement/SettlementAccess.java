package org.xietong.healthcare.settlement;

import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.util.Optional;

/**
 * Who may settle or read a bill, taken from the caller once so that a streamed batch can check every bill:
 * insurance officers and partner systems whose region covers the home or the treatment region, institution staff
 * for their own institution's bills, platform admins for all.
 */
public record SettlementAccess(boolean admin, boolean regional, Optional<String> institution, RegionScope scope,
                               String username) {

    public static SettlementAccess of(Caller caller) {
        boolean regional = caller.hasRole("insurance-officer") || caller.hasRole("partner-system");
        Optional<String> institution = caller.hasRole("institution-staff") ? caller.institutionCode() : Optional.empty();
        return new SettlementAccess(caller.hasRole(Caller.PLATFORM_ADMIN), regional, institution, caller.scope(),
                caller.username());
    }

    /** The insured's own side: their home region's insurer or partner system. */
    public boolean coversHome(String homeRegion) {
        return admin || (regional && scope.covers(homeRegion));
    }

    public boolean covers(String homeRegion, String treatmentRegion, String institutionCode) {
        if (admin) {
            return true;
        }
        if (regional && (scope.covers(homeRegion) || scope.covers(treatmentRegion))) {
            return true;
        }
        return institution.map(institutionCode::equals).orElse(false) && scope.covers(treatmentRegion);
    }
}
