package org.xietong.healthcare.settlement;

import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;

import org.xietong.healthcare.registry.ChronicCertification;
import org.xietong.healthcare.registry.CrossRegionFiling;
import org.xietong.healthcare.registry.RegistryService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final int MAX_PEOPLE = 20_000;

    private final Map<String, SettlementPolicyService.Timeline> policyByRegion = recentlyUsed(MAX_POLICIES);
    private final Map<String, List<CatalogItemVersion>> items = recentlyUsed(MAX_ITEMS);
    private final Map<String, Optional<Institution>> institutionByCode = recentlyUsed(MAX_INSTITUTIONS);
    private final Map<String, List<CrossRegionFiling>> filingsByPerson = recentlyUsed(MAX_PEOPLE);
    private final Map<String, List<ChronicCertification>> certificationsByPerson = recentlyUsed(MAX_PEOPLE);

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

    /** The home region's policy in force on the visit day; every version is read once per region. */
    SettlementPolicy policy(String homeRegion, LocalDate day) {
        return policyByRegion.computeIfAbsent(homeRegion, policies::timeline).at(day)
                .map(SettlementPolicyService.Effective::policy)
                .orElseThrow(() -> BillException.unanswerable("no-settlement-policy", "Home region " + homeRegion
                        + " has no settlement policy in force on " + day + " (nor its city or province)"));
    }

    /** The treatment region's item in force on the visit day; every version is read once per region and item. */
    Optional<CatalogItem> item(String treatmentRegion, String code, LocalDate day) {
        return CatalogService.inForce(treatmentRegion,
                items.computeIfAbsent(treatmentRegion + "/" + code, k -> catalogs.versions(treatmentRegion, code)), day);
    }

    /** The home region's filings of the person, read once per person (or for a chunk of people at once). */
    List<CrossRegionFiling> filings(Account account) {
        return filingsByPerson.computeIfAbsent(account.key(),
                k -> RegistryService.filings(account.homeRegion(), List.of(account.personId())));
    }

    List<ChronicCertification> certifications(Account account) {
        return certificationsByPerson.computeIfAbsent(account.key(),
                k -> RegistryService.certifications(account.homeRegion(), List.of(account.personId())));
    }

    /** Reads the filings and certifications of many people of one home region in two queries. */
    void prefetch(String homeRegion, Collection<String> personIds) {
        List<String> unread = personIds.stream().distinct()
                .filter(p -> !filingsByPerson.containsKey(new Account(homeRegion, p).key())).toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<String, List<CrossRegionFiling>> filings = new HashMap<>();
        RegistryService.filings(homeRegion, unread).forEach(f -> filings.computeIfAbsent(f.personId, k -> new ArrayList<>()).add(f));
        Map<String, List<ChronicCertification>> certifications = new HashMap<>();
        RegistryService.certifications(homeRegion, unread)
                .forEach(c -> certifications.computeIfAbsent(c.personId, k -> new ArrayList<>()).add(c));
        for (String person : unread) {
            String key = new Account(homeRegion, person).key();
            filingsByPerson.put(key, filings.getOrDefault(person, List.of()));
            certificationsByPerson.put(key, certifications.getOrDefault(person, List.of()));
        }
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
