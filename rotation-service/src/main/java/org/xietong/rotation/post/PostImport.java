package org.xietong.rotation.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.xietong.platform.csv.CsvImportLimits;
import org.xietong.platform.csv.CsvRows;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.rotation.school.SchoolReplica;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeacherAccess;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CSV import of demand posts (a district's 点单 for a year runs to hundreds): every row is checked like an API
 * request (format, term, a registered school the caller manages); a row naming a school, subject, level, mode and
 * start date already requested and still open is counted unchanged, so importing a file again requests nothing twice.
 * The new posts are requested in one transaction, each published like an API request.
 */
@ApplicationScoped
public class PostImport {

    static final Set<String> REQUIRED = Set.of("schoolCode", "subject", "level", "seats", "mode", "startDate");
    static final Set<String> OPTIONAL = Set.of("months", "endDate", "minTitle", "minBackbone", "preferredTags",
            "description");

    /** What makes two rows, or a row and an open post, the same request. */
    record Key(String schoolCode, Subject subject, TeachingLevel level, PostMode mode, java.time.LocalDate startDate) {

        static Key of(PostRequest r) {
            return new Key(r.schoolCode(), r.subject(), r.level(), r.mode(), r.startDate());
        }

        static Key of(DemandPost p) {
            return new Key(p.schoolCode, p.subject, p.level, p.mode, p.startDate);
        }

        @Override
        public String toString() {
            return String.join("/", schoolCode, subject.name(), level.name(), mode.name(), startDate.toString());
        }
    }

    private final PostService service;
    private final PostRepository posts;
    private final TeacherAccess access;
    private final CsvImportLimits limits;
    private final RowChecks<PostRequest> checks;

    public PostImport(PostService service, PostRepository posts, TeacherAccess access, CsvImportLimits limits,
                      Validator validator) {
        this.service = service;
        this.posts = posts;
        this.access = access;
        this.limits = limits;
        this.checks = new RowChecks<>(validator, PostImport::toRequest, r -> Key.of(r).toString());
    }

    @Transactional
    public ImportReport run(String csv, ImportMode mode) {
        List<CsvRows.Row> rows = CsvRows.parse(csv, REQUIRED, OPTIONAL, "schoolCode", limits);
        List<String> codes = rows.stream().map(r -> r.get("schoolCode")).filter(c -> c != null && c.matches("[0-9]{10}"))
                .distinct().toList();
        Map<String, SchoolReplica> schools = SchoolReplica.<SchoolReplica>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(s -> s.code, Function.identity()));
        Set<Key> open = new HashSet<>();
        posts.list("schoolCode in ?1 and status in ?2", codes, List.of(PostStatus.REQUESTED, PostStatus.DISPATCHED))
                .forEach(p -> open.add(Key.of(p)));
        RowChecks.Checked<PostRequest> checked = checks.check(rows, "schoolCode", request -> {
            SchoolReplica school = schools.get(request.schoolCode());
            if (school == null) {
                return "school " + request.schoolCode() + " is not in the registry or has not reached rotation-service yet";
            }
            return access.managesSchool(school.regionCode, school.code) ? null
                    : "school " + request.schoolCode() + " is outside your scope";
        });
        if (checked.refused(mode)) {
            return checked.report(mode, 0, 0);
        }
        int created = 0;
        for (PostRequest request : checked.accepted()) {
            if (!open.contains(Key.of(request))) {
                service.request(request);
                created++;
            }
        }
        return checked.report(mode, created, 0);
    }

    private static PostRequest toRequest(CsvRows.Row row) {
        Integer seats = row.intValue("seats");
        return new PostRequest(row.get("schoolCode"), row.enumValue(Subject.class, "subject"),
                row.enumValue(TeachingLevel.class, "level"), seats == null ? 0 : seats,
                row.enumValue(PostMode.class, "mode"), row.dateValue("startDate"), row.intValue("months"),
                row.dateValue("endDate"), row.enumValue(Title.class, "minTitle"),
                row.enumValue(BackboneLevel.class, "minBackbone"), row.listValue("preferredTags"), row.get("description"));
    }
}
