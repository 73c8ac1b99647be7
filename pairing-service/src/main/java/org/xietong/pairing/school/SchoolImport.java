package org.xietong.pairing.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import org.xietong.platform.csv.CsvImportLimits;
import org.xietong.platform.csv.CsvRows;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.security.RegionScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CSV import of schools: every row is checked like an API registration (format, profile rules, the caller's
 * region, codes unique in the file, a known school's region unchanged), then the good rows are upserted by code in
 * one transaction, publishing the same events as the API.
 */
@ApplicationScoped
public class SchoolImport {

    static final Set<String> REQUIRED = Set.of("code", "name", "regionCode", "locationType", "level");
    static final Set<String> OPTIONAL = Set.of("latitude", "longitude", "studentCount", "qualityResource");

    private final SchoolRepository schools;
    private final SchoolService service;
    private final CsvImportLimits limits;

    public SchoolImport(SchoolRepository schools, SchoolService service, CsvImportLimits limits) {
        this.schools = schools;
        this.service = service;
        this.limits = limits;
    }

    @Transactional
    public ImportReport run(String csv, ImportMode mode, RegionScope scope) {
        List<CsvRows.Row> rows = CsvRows.parse(csv, REQUIRED, OPTIONAL, "code", limits);
        Map<String, School> known = schools.byCodes(rows.stream().map(r -> r.get("code"))
                        .filter(c -> c != null && c.matches("[0-9]{10}")).distinct().toList())
                .stream().collect(Collectors.toMap(s -> s.code, Function.identity()));
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<RegisterSchool> accepted = new ArrayList<>();
        for (CsvRows.Row row : rows) {
            String code = row.get("code");
            if (row.malformed() != null) {
                errors.add(new ImportReport.RowError(row.line(), code, row.malformed()));
                continue;
            }
            try {
                RegisterSchool school = toRequest(row);
                String problem = check(school, scope, known.get(school.code()));
                Integer earlier = code == null ? null : seen.putIfAbsent(code, row.line());
                if (problem == null && earlier != null) {
                    problem = "code " + code + " appears again (first on line " + earlier + ")";
                }
                if (problem != null) {
                    errors.add(new ImportReport.RowError(row.line(), code, problem));
                } else {
                    accepted.add(school);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ImportReport.RowError(row.line(), code, e.getMessage()));
            }
        }
        if (mode == ImportMode.ALL_OR_NOTHING && !errors.isEmpty()) {
            return new ImportReport(mode, false, rows.size(), 0, 0, 0, errors.size(), errors);
        }
        int created = 0;
        int updated = 0;
        for (RegisterSchool school : accepted) {
            School existing = known.get(school.code());
            if (existing == null) {
                service.create(school);
                created++;
            } else if (service.change(existing, school.profile())) {
                updated++;
            }
        }
        return new ImportReport(mode, true, rows.size(), created, updated, accepted.size() - created - updated,
                errors.size(), errors);
    }

    private String check(RegisterSchool school, RegionScope scope, School existing) {
        List<String> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : service.violations(school)) {
            violations.add(v.getPropertyPath() + " " + v.getMessage());
        }
        if (!violations.isEmpty()) {
            return String.join("; ", violations.stream().sorted().toList());
        }
        if (!scope.coversSchool(school.regionCode(), school.code())) {
            return "region " + school.regionCode() + " is outside your scope";
        }
        if (existing != null && !existing.regionCode.equals(school.regionCode())) {
            return "school " + school.code() + " is already registered in another region; a region never changes";
        }
        return null;
    }

    private static RegisterSchool toRequest(CsvRows.Row row) {
        return new RegisterSchool(row.get("code"), row.get("regionCode"), row.get("name"),
                row.enumValue(LocationType.class, "locationType"), row.enumValue(SchoolLevel.class, "level"),
                row.doubleValue("latitude"), row.doubleValue("longitude"), row.intValue("studentCount"),
                row.booleanValue("qualityResource"));
    }
}
