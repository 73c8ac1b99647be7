package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.xietong.healthcare.settlement.engine.ItemClass;
import org.xietong.platform.csv.CsvImportLimits;
import org.xietong.platform.csv.CsvRows;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CSV import of a treatment region's catalog items (a bureau's 就医地目录 runs to hundreds of lines): every row is
 * checked like an item of an upload, an item code may appear once, and the good rows become one upload, each item a
 * version beginning on {@code validFrom} like any upload's.
 */
@ApplicationScoped
public class CatalogImport {

    static final Set<String> REQUIRED = Set.of("code", "name", "itemClass");
    static final Set<String> OPTIONAL = Set.of("selfPayPercent", "unitPrice");

    private final CatalogService catalogs;
    private final CsvImportLimits limits;
    private final RowChecks<CatalogItemRequest> checks;

    public CatalogImport(CatalogService catalogs, CsvImportLimits limits, Validator validator) {
        this.catalogs = catalogs;
        this.limits = limits;
        this.checks = new RowChecks<>(validator, CatalogImport::toRequest, CatalogItemRequest::code);
    }

    @Transactional
    public ImportReport run(String regionCode, String csv, ImportMode mode, LocalDate validFrom) {
        catalogs.requireEditable(regionCode);
        List<CsvRows.Row> rows = CsvRows.parse(csv, REQUIRED, OPTIONAL, "code", limits);
        RowChecks.Checked<CatalogItemRequest> checked = checks.check(rows, "code", item -> null);
        if (checked.refused(mode) || checked.accepted().isEmpty()) {
            return checked.report(mode, 0, 0);
        }
        Set<String> known = new HashSet<>(CatalogEntry.<CatalogEntry>list("regionCode = ?1 and itemCode in ?2",
                regionCode, checked.accepted().stream().map(CatalogItemRequest::code).toList())
                .stream().map(e -> e.itemCode).toList());
        catalogs.upsert(regionCode, new CatalogUpload(checked.accepted(), validFrom));
        int created = (int) checked.accepted().stream().filter(item -> !known.contains(item.code())).count();
        return checked.report(mode, created, checked.accepted().size() - created);
    }

    private static CatalogItemRequest toRequest(CsvRows.Row row) {
        return new CatalogItemRequest(row.get("code"), row.get("name"), row.enumValue(ItemClass.class, "itemClass"),
                row.decimalValue("selfPayPercent"), row.decimalValue("unitPrice"));
    }
}
