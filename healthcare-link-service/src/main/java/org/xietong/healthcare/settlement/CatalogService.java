package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.ItemClass;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.rules.RuleVersions;
import org.xietong.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Treatment regions' catalogs, effective-dated per item (a price change begins a new version). A region without an
 * item of its own in force uses its city's, then its province's, as provincial catalogs are the norm and cities add
 * local items.
 */
@ApplicationScoped
public class CatalogService {

    private final Caller caller;
    private final Audit audit;

    public CatalogService(Caller caller, Audit audit) {
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public int upsert(String regionCode, CatalogUpload upload) {
        requireEditable(regionCode);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(SettlementService.CHINA);
        // The last of repeated codes wins, as a later line of an upload corrects an earlier one.
        Map<String, CatalogItemRequest> byCode = new LinkedHashMap<>();
        upload.items().forEach(item -> byCode.put(item.code(), item));
        Map<String, List<CatalogEntry>> versions = CatalogEntry.<CatalogEntry>list("regionCode = ?1 and itemCode in ?2",
                regionCode, List.copyOf(byCode.keySet())).stream().collect(Collectors.groupingBy(e -> e.itemCode));
        // One question for the whole upload, asked only if some item would begin in the past.
        Map<LocalDate, Boolean> recorded = new HashMap<>();
        for (CatalogItemRequest item : byCode.values()) {
            List<CatalogEntry> existing = versions.getOrDefault(item.code(), List.of());
            LocalDate start = RuleVersions.start(upload.validFrom(), existing.stream().map(e -> e.validFrom).toList(),
                    today, day -> recorded.computeIfAbsent(day,
                            d -> SettlementRecord.settledSince("treatmentRegion", regionCode, d)),
                    "Item " + item.code() + " of the catalog of " + regionCode);
            CatalogEntry entry = existing.stream().filter(e -> e.validFrom.equals(start)).findFirst().orElse(null);
            boolean created = entry == null;
            if (created) {
                entry = new CatalogEntry();
                entry.regionCode = regionCode;
                entry.itemCode = item.code();
                entry.validFrom = start;
            }
            entry.name = item.name().strip();
            entry.itemClass = item.itemClass();
            entry.selfPayPercent = item.itemClass() == ItemClass.B && item.selfPayPercent() != null
                    ? item.selfPayPercent() : BigDecimal.ZERO;
            entry.unitPrice = item.unitPrice();
            entry.updatedAt = now;
            entry.updatedBy = caller.username();
            if (created) {
                entry.persist();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("items", byCode.size());
        if (upload.validFrom() != null) {
            summary.put("validFrom", upload.validFrom().toString());
        }
        audit.record(caller.actor(), "catalog.updated", "catalog", regionCode, List.of(regionCode), summary);
        return byCode.size();
    }

    /** A region code, in the caller's scope to change. */
    public void requireEditable(String regionCode) {
        Regions.require(regionCode);
        caller.scope().requireWritable(caller.scope().covers(regionCode), "region " + regionCode);
    }

    public CatalogItem require(String regionCode, String itemCode, LocalDate day) {
        Regions.require(regionCode);
        return find(regionCode, itemCode, day).orElseThrow(() -> ProblemException.notFound("Item " + itemCode
                + " in the catalog of " + regionCode + " in force on " + day));
    }

    /** Every version of the item along the region's chain, the region's own first. */
    public List<CatalogItemVersion> versions(String regionCode, String itemCode) {
        List<String> chain = Regions.chain(regionCode);
        List<CatalogEntry> entries = CatalogEntry.list("regionCode in ?1 and itemCode = ?2", chain, itemCode);
        return entries.stream()
                .sorted(Comparator.<CatalogEntry>comparingInt(e -> chain.indexOf(e.regionCode)).thenComparing(e -> e.validFrom))
                .map(e -> new CatalogItemVersion(e.regionCode, e.validFrom, RuleVersions.validTo(entries.stream()
                        .filter(o -> o.regionCode.equals(e.regionCode)).map(o -> o.validFrom).toList(), e.validFrom),
                        e.toItem()))
                .toList();
    }

    /** The region's own versions of the item and those it inherits, for the history endpoint. */
    public List<CatalogItemVersion> history(String regionCode, String itemCode) {
        Regions.require(regionCode);
        List<CatalogItemVersion> versions = versions(regionCode, itemCode);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Item " + itemCode + " in the catalog of " + regionCode);
        }
        return versions;
    }

    /** The version in force on {@code day}: the region's own, else its city's, else its province's. */
    public static Optional<CatalogItem> inForce(String regionCode, List<CatalogItemVersion> versions, LocalDate day) {
        for (String code : Regions.chain(regionCode)) {
            Optional<CatalogItemVersion> found = RuleVersions.inForce(versions.stream()
                    .filter(v -> v.definedBy().equals(code)).toList(), CatalogItemVersion::validFrom, day);
            if (found.isPresent()) {
                return Optional.of(found.get().item());
            }
        }
        return Optional.empty();
    }

    public Optional<CatalogItem> find(String regionCode, String itemCode, LocalDate day) {
        return inForce(regionCode, versions(regionCode, itemCode), day);
    }
}
