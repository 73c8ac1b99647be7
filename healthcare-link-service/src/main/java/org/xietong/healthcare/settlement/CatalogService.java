package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.ItemClass;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Treatment regions' catalogs. A region without an item of its own uses its city's, then its province's, as
 * provincial catalogs are the norm and cities add local items.
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
        Regions.require(regionCode);
        caller.scope().requireWritable(caller.scope().covers(regionCode), "region " + regionCode);
        Instant now = Instant.now();
        // The last of repeated codes wins, as a later line of an upload corrects an earlier one.
        Map<String, CatalogItemRequest> byCode = new LinkedHashMap<>();
        upload.items().forEach(item -> byCode.put(item.code(), item));
        for (CatalogItemRequest item : byCode.values()) {
            CatalogEntry entry = CatalogEntry.findById(new CatalogEntry.Key(regionCode, item.code()));
            boolean created = entry == null;
            if (created) {
                entry = new CatalogEntry();
                entry.regionCode = regionCode;
                entry.itemCode = item.code();
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
        audit.record(caller.actor(), "catalog.updated", "catalog", regionCode, List.of(regionCode),
                Map.of("items", byCode.size()));
        return byCode.size();
    }

    public CatalogItem get(String regionCode, String itemCode) {
        Regions.require(regionCode);
        return lookup(regionCode, List.of(itemCode)).get(itemCode);
    }

    public CatalogItem require(String regionCode, String itemCode) {
        CatalogItem item = get(regionCode, itemCode);
        if (item == null) {
            throw ProblemException.notFound("Item " + itemCode + " in the catalog of " + regionCode);
        }
        return item;
    }

    /** The items of these codes in force for the region (its own first, then its city's, then its province's). */
    public Map<String, CatalogItem> lookup(String regionCode, Collection<String> codes) {
        List<String> chain = Regions.chain(regionCode);
        List<CatalogEntry> entries = CatalogEntry.list("regionCode in ?1 and itemCode in ?2", chain, List.copyOf(codes));
        Map<String, CatalogItem> items = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            String region = chain.get(i);
            entries.stream().filter(e -> e.regionCode.equals(region)).forEach(e -> items.put(e.itemCode, e.toItem()));
        }
        return items;
    }

    public Optional<CatalogItem> find(String regionCode, String itemCode) {
        return Optional.ofNullable(lookup(regionCode, List.of(itemCode)).get(itemCode));
    }
}
