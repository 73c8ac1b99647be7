package org.xietong.healthcare.settlement;

import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Policies, catalog items and institutions as one request or batch sees them, each read once: a batch of a
 * province's bills names the same few regions, institutions and items over and over.
 */
final class BillContext {

    private final PolicyService policies;
    private final CatalogService catalogs;
    private final InstitutionRepository institutions;
    private final Map<String, Optional<SettlementPolicy>> policyByRegion = new HashMap<>();
    private final Map<String, Optional<CatalogItem>> items = new HashMap<>();
    private final Map<String, Optional<Institution>> institutionByCode = new HashMap<>();

    BillContext(PolicyService policies, CatalogService catalogs, InstitutionRepository institutions) {
        this.policies = policies;
        this.catalogs = catalogs;
        this.institutions = institutions;
    }

    SettlementPolicy policy(String homeRegion) {
        return policyByRegion.computeIfAbsent(homeRegion, r -> policies.find(r).map(PolicyService.Effective::policy))
                .orElseThrow(() -> BillException.unanswerable("no-settlement-policy",
                        "Home region " + homeRegion + " has no settlement policy (nor its city or province)"));
    }

    Optional<CatalogItem> item(String treatmentRegion, String code) {
        return items.computeIfAbsent(treatmentRegion + "/" + code, k -> catalogs.find(treatmentRegion, code));
    }

    /** The treating institution, which must be registered in the treatment region. */
    Institution institution(String code, String treatmentRegion) {
        Institution institution = institutionByCode.computeIfAbsent(code, c -> Optional.ofNullable(institutions.findById(c)))
                .orElseThrow(() -> BillException.unanswerable("unknown-institution", "Institution " + code + " is not registered"));
        if (!institution.regionCode.equals(treatmentRegion)) {
            throw BillException.invalid("institution-region-mismatch", "Institution " + code + " is in region "
                    + institution.regionCode + ", not in the treatment region " + treatmentRegion);
        }
        return institution;
    }
}
