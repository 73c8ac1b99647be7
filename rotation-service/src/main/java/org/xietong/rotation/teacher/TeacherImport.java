package org.xietong.rotation.teacher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.platform.csv.CsvImportLimits;
import org.xietong.platform.csv.CsvRows;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.problem.ProblemException;
import org.xietong.rotation.school.SchoolReplica;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CSV import of teachers, upserting by staff number: every row is checked like an API registration (format, the
 * school and the caller's scope, then a staff number or resident ID that is not someone else's, each staff number
 * once in the file). Multi-valued columns (subjects, tags) separate values with ';'. Row reports never repeat a resident
 * ID.
 */
@ApplicationScoped
public class TeacherImport {

    static final Set<String> REQUIRED = Set.of("staffNumber", "name", "birthDate", "gender", "subjects", "level",
            "title", "schoolCode", "joinedSchoolOn");
    static final Set<String> OPTIONAL = Set.of("backbone", "cadre", "tags", "status", "residentId");

    private final TeacherRepository teachers;
    private final TeacherService service;
    private final CsvImportLimits limits;

    public TeacherImport(TeacherRepository teachers, TeacherService service, CsvImportLimits limits) {
        this.teachers = teachers;
        this.service = service;
        this.limits = limits;
    }

    private record Accepted(TeacherRequest request, SchoolReplica school) {
    }

    @Transactional
    public ImportReport run(String csv, ImportMode mode) {
        List<CsvRows.Row> rows = CsvRows.parse(csv, REQUIRED, OPTIONAL, "staffNumber", limits);
        Map<String, Teacher> known = teachers.byStaffNumbers(rows.stream().map(r -> r.get("staffNumber"))
                        .filter(s -> s != null).distinct().toList())
                .stream().collect(Collectors.toMap(t -> t.staffNumber, Function.identity()));
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> seenStaff = new HashMap<>();
        Map<String, Integer> seenIds = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        for (CsvRows.Row row : rows) {
            String staff = row.get("staffNumber");
            if (row.malformed() != null) {
                errors.add(new ImportReport.RowError(row.line(), staff, row.malformed()));
                continue;
            }
            try {
                TeacherRequest request = toRequest(row, kept(known.get(staff), row.get("schoolCode")));
                String problem = invalid(request);
                SchoolReplica school = null;
                if (problem == null) {
                    // Scope first: a row for a school the caller does not manage learns nothing about who exists.
                    try {
                        school = service.writableSchool(request.schoolCode());
                    } catch (ProblemException e) {
                        problem = e.problem().detail();
                    }
                }
                if (problem == null) {
                    problem = check(request, known.get(staff));
                }
                Integer earlier = staff == null ? null : seenStaff.putIfAbsent(staff, row.line());
                if (problem == null && earlier != null) {
                    problem = "staff number " + staff + " appears again (first on line " + earlier + ")";
                }
                String id = ResidentId.normalise(request.residentId());
                Integer sameId = id == null || id.isEmpty() ? null : seenIds.putIfAbsent(id, row.line());
                if (problem == null && sameId != null) {
                    problem = "the resident ID appears again (first on line " + sameId + "); a teacher is at one school only";
                }
                if (problem == null) {
                    accepted.add(new Accepted(request, school));
                } else {
                    errors.add(new ImportReport.RowError(row.line(), staff, problem));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ImportReport.RowError(row.line(), staff, e.getMessage()));
            }
        }
        if (mode == ImportMode.ALL_OR_NOTHING && !errors.isEmpty()) {
            return new ImportReport(mode, false, rows.size(), 0, 0, 0, errors.size(), errors);
        }
        int created = 0;
        int updated = 0;
        for (Accepted row : accepted) {
            Teacher existing = known.get(row.request().staffNumber());
            if (existing == null) {
                service.create(row.request(), row.school());
                created++;
            } else if (service.change(existing, row.request(), row.school())) {
                updated++;
            }
        }
        // A clash with a concurrent writer surfaces here as a 409, not at commit.
        teachers.flush();
        return new ImportReport(mode, true, rows.size(), created, updated, accepted.size() - created - updated,
                errors.size(), errors);
    }

    private String invalid(TeacherRequest request) {
        List<String> violations = service.violations(request).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList();
        return violations.isEmpty() ? null : String.join("; ", violations);
    }

    /** For a row whose school the caller manages: a teacher of the same staff number or resident ID elsewhere. */
    private String check(TeacherRequest request, Teacher existing) {
        if (existing != null && !service.access().manages(existing)) {
            return "staff number " + request.staffNumber() + " belongs to a teacher outside your scope";
        }
        return service.conflicts(request, existing);
    }

    /**
     * The stored teacher whose leadership the row keeps: one the caller manages, staying at the same school. A
     * position and its terms belong to a school, so a move ends them; and a teacher outside the caller's scope lends
     * the row nothing whose validation could tell the caller what that teacher is.
     */
    private Teacher kept(Teacher existing, String schoolCode) {
        return existing != null && existing.schoolCode.equals(schoolCode) && service.access().manages(existing)
                ? existing : null;
    }

    /** A school leader's position and terms are kept as they are: a spreadsheet of teachers does not carry them. */
    private static TeacherRequest toRequest(CsvRows.Row row, Teacher existing) {
        List<Subject> subjects = row.listValue("subjects").stream().map(s -> CsvRows.enumOf(Subject.class, s, "subjects")).toList();
        LocalDate birth = row.dateValue("birthDate");
        Boolean cadre = row.booleanValue("cadre");
        return new TeacherRequest(row.get("staffNumber"), row.get("name"), birth,
                row.enumValue(Gender.class, "gender"), subjects, row.enumValue(TeachingLevel.class, "level"),
                row.enumValue(Title.class, "title"), row.enumValue(BackboneLevel.class, "backbone"),
                row.get("schoolCode"), row.dateValue("joinedSchoolOn"), cadre != null && cadre, row.listValue("tags"),
                row.enumValue(TeacherStatus.class, "status"), row.get("residentId"),
                existing == null ? null : existing.position,
                existing == null ? List.of() : existing.leadershipTerms);
    }
}
