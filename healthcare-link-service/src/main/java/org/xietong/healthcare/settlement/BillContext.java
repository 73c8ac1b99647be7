package org.xietong.healthcare.settlement;

import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Policies, catalog items and institutions as one request or batch sees them, each read once: a batch of a
 * province's bills names the same few regions, institutions and items over and over. The keys are the caller's
 * (any region or item code a batch names), so each cache keeps only its most recently used entries.
 */
final class BillContext {

    private final SettlementPolicyService policies;
    private final CatalogService catalogs;
    private final InstitutionRepository institutions;
    static final int MAX_POLICIES = 1_000;
    static final int MAX_ITEMS = 20_000;
    static final int MAX_INSTITUTIONS = 10_000;

    private final Map<String, Optional<SettlementPolicy>> policyByRegion = recentlyUsed(MAX_POLICIES);
    private final Map<String, Optional<CatalogItem>> items = recentlyUsed(MAX_ITEMS);
    private final Map<String, Optional<Institution>> institutionByCode = recentlyUsed(MAX_INSTITUTIONS);

    BillContext(SettlementPolicyService policies, CatalogService catalogs, InstitutionRepository institutions) {
        this.policies = policies;
        this.catalogs = catalogs;
        this.institutions = institutions;
    }

    /** A map that forgets its least recently used entry beyond {@code max} entries. */
    static <V> Map<String, V> recentlyUsed(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    SettlementPolicy policy(String homeRegion) {
        return policyByRegion.computeIfAbsent(homeRegion, r -> policies.find(r).map(SettlementPolicyService.Effective::policy))
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
