package org.xietong.healthcare.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.csv.CsvImportLimits;
import org.xietong.platform.csv.CsvRows;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.platform.security.Caller;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CSV import of institutions: every row is checked like an API registration (format, the caller's region, codes
 * unique in the file, a known institution's region unchanged), then the good rows are upserted by code in one
 * transaction, each audited like a registration or an update.
 */
@ApplicationScoped
public class InstitutionImport {

    static final Set<String> REQUIRED = Set.of("code", "name", "regionCode");
    static final Set<String> OPTIONAL = Set.of("level", "type", "capabilities", "latitude", "longitude");

    private final InstitutionRepository institutions;
    private final InstitutionService service;
    private final CsvImportLimits limits;
    private final RowChecks<InstitutionRequest> checks;
    private final Caller caller;
    private final Audit audit;

    public InstitutionImport(InstitutionRepository institutions, InstitutionService service, CsvImportLimits limits,
                             Validator validator, Caller caller, Audit audit) {
        this.institutions = institutions;
        this.service = service;
        this.limits = limits;
        this.checks = new RowChecks<>(validator, InstitutionImport::toRequest, InstitutionRequest::code);
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public ImportReport run(String csv, ImportMode mode) {
        List<CsvRows.Row> rows = CsvRows.parse(csv, REQUIRED, OPTIONAL, "code", limits);
        Map<String, Institution> known = institutions.list("code in ?1", rows.stream().map(r -> r.get("code"))
                        .filter(c -> c != null && c.matches("[A-Z0-9]{4,32}")).distinct().toList()).stream()
                .collect(Collectors.toMap(i -> i.code, Function.identity()));
        RowChecks.Checked<InstitutionRequest> checked = checks.check(rows, "code", request -> {
            if (!caller.scope().covers(request.regionCode())) {
                return "region " + request.regionCode() + " is outside your scope";
            }
            Institution existing = known.get(request.code());
            if (existing != null && !existing.regionCode.equals(request.regionCode())) {
                return "institution " + request.code() + " is registered in region " + existing.regionCode
                        + "; a region never changes";
            }
            return null;
        });
        if (checked.refused(mode)) {
            return checked.report(mode, 0, 0);
        }
        int created = 0;
        int updated = 0;
        for (InstitutionRequest request : checked.accepted()) {
            Institution existing = known.get(request.code());
            if (existing == null) {
                service.register(request);
                created++;
            } else if (service.change(existing, request)) {
                updated++;
            }
        }
        audit.record(caller.actor(), "institution.imported", "institution", "import",
                checked.accepted().stream().map(InstitutionRequest::regionCode).distinct().sorted().toList(),
                Map.of("rows", checked.rows(), "created", created, "updated", updated, "rejected",
                        checked.errors().size()));
        return checked.report(mode, created, updated);
    }

    private static InstitutionRequest toRequest(CsvRows.Row row) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        row.listValue("capabilities").forEach(c -> capabilities.add(CsvRows.enumOf(Capability.class, c, "capabilities")));
        return new InstitutionRequest(row.get("code"), row.get("name"), row.get("regionCode"),
                row.enumValue(InstitutionLevel.class, "level"), row.enumValue(InstitutionType.class, "type"),
                capabilities, row.doubleValue("latitude"), row.doubleValue("longitude"));
    }
}
