package org.xietong.rotation.teacher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.school.SchoolReplica;
import org.xietong.rotation.school.SchoolReplicaRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Registers and changes teachers. A teacher belongs to exactly one school, which rotation-service must know. */
@ApplicationScoped
public class TeacherService {

    static final String ENTITY = "teacher";

    private final TeacherRepository teachers;
    private final SchoolReplicaRepository schools;
    private final TeacherAccess access;
    private final Caller caller;
    private final Audit audit;
    private final Validator validator;

    public TeacherService(TeacherRepository teachers, SchoolReplicaRepository schools, TeacherAccess access,
                          Caller caller, Audit audit, Validator validator) {
        this.teachers = teachers;
        this.schools = schools;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.validator = validator;
    }

    /** Scope first: uniqueness is only checked for a school the caller manages, so it is no oracle for others. */
    @Transactional
    public TeacherView register(TeacherRequest request) {
        SchoolReplica school = writableSchool(request.schoolCode());
        String problem = conflicts(request, null);
        if (problem != null) {
            throw ProblemException.conflict("teacher-exists", problem);
        }
        return access.view(create(request, school));
    }

    @Transactional
    public TeacherView update(long id, TeacherRequest request, String ifMatch) {
        Teacher teacher = access.readable(teachers.findById(id));
        access.scope().requireWritable(access.manages(teacher), "teacher " + id);
        Versions.requireMatch(ifMatch, teacher.version);
        SchoolReplica school = writableSchool(request.schoolCode());
        String problem = conflicts(request, teacher);
        if (problem != null) {
            throw ProblemException.conflict("teacher-exists", problem);
        }
        change(teacher, request, school);
        teachers.flush();
        return access.view(teacher);
    }

    TeacherAccess access() {
        return access;
    }

    public TeacherView get(long id) {
        return access.view(access.readable(teachers.findById(id)));
    }

    public Page<TeacherView> search(String school, Subject subject, TeacherStatus status, int page, int size) {
        String staffNumber = null;
        if (access.isOnlyTeacher()) {
            staffNumber = caller.teacherId().orElse("-");
        } else if (!access.managesAnything()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String scopedSchool = access.scope().school().orElse(school);
        if (school != null && !school.equals(scopedSchool)) {
            return new Page<>(List.of(), page, size, 0);
        }
        return Pages.of(teachers.search(caller.listingPrefix(), scopedSchool, subject == null ? null : subject.name(),
                status, staffNumber), page, size, access::view);
    }

    /** What is wrong with a request, every violation at once; empty when it may be stored. */
    public Set<ConstraintViolation<TeacherRequest>> violations(TeacherRequest request) {
        return validator.validate(request);
    }

    /**
     * Why {@code request} cannot be stored for {@code current} (null for a new teacher): a staff number or resident
     * ID that belongs to another teacher, who would then be at two schools. Call it only once the caller's scope
     * over the request's school is checked; the answer never says which school or staff number the other one has.
     */
    String conflicts(TeacherRequest request, Teacher current) {
        Teacher byStaff = teachers.byStaffNumber(request.staffNumber()).orElse(null);
        if (byStaff != null && byStaff != current) {
            return "staff number " + request.staffNumber() + " already belongs to another teacher; a teacher is at "
                    + "one school only (change that teacher's school instead)";
        }
        if (request.residentId() != null && !request.residentId().isBlank()) {
            Teacher byId = teachers.byResidentId(ResidentId.normalise(request.residentId())).orElse(null);
            if (byId != null && byId != current) {
                return "this resident ID already belongs to another teacher; a teacher is at one school only";
            }
        }
        return null;
    }

    /** The school a teacher is placed at: known to rotation-service and within the caller's writable scope. */
    SchoolReplica writableSchool(String code) {
        SchoolReplica school = schools.findById(code);
        if (school == null) {
            throw ProblemException.unprocessable("unknown-school", "Unknown school",
                    "School " + code + " is not in the registry (pairing-service) or has not reached rotation-service yet");
        }
        access.scope().requireWritable(access.managesSchool(school.regionCode, school.code), "school " + code);
        return school;
    }

    Teacher create(TeacherRequest request, SchoolReplica school) {
        Teacher teacher = new Teacher();
        apply(teacher, request, school);
        teachers.persist(teacher);
        audit.record(caller.actor(), "teacher.registered", ENTITY, teacher.staffNumber, List.of(teacher.regionCode),
                Map.of("school", teacher.schoolCode, "subjects", List.of(teacher.subjects), "residentId",
                        teacher.residentId == null ? "none" : "recorded"));
        return teacher;
    }

    /** Applies a request; audits what changed (the resident ID only as "changed"). Returns whether anything did. */
    boolean change(Teacher teacher, TeacherRequest request, SchoolReplica school) {
        TeacherView before = TeacherView.of(teacher, true);
        apply(teacher, request, school);
        TeacherView after = TeacherView.of(teacher, true);
        Map<String, Object> changed = new LinkedHashMap<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "school", before.schoolCode(), after.schoolCode());
        compare(changed, "joinedSchoolOn", before.joinedSchoolOn(), after.joinedSchoolOn());
        compare(changed, "subjects", before.subjects(), after.subjects());
        compare(changed, "level", before.level(), after.level());
        compare(changed, "title", before.title(), after.title());
        compare(changed, "backbone", before.backbone(), after.backbone());
        compare(changed, "cadre", before.cadre(), after.cadre());
        compare(changed, "tags", before.tags(), after.tags());
        compare(changed, "status", before.status(), after.status());
        compare(changed, "birthDate", before.birthDate(), after.birthDate());
        compare(changed, "gender", before.gender(), after.gender());
        compare(changed, "position", before.position(), after.position());
        compare(changed, "leadershipTerms", before.leadershipTerms(), after.leadershipTerms());
        if (!Objects.equals(before.residentId(), after.residentId())) {
            changed.put("residentId", "changed");
        }
        if (changed.isEmpty()) {
            return false;
        }
        audit.record(caller.actor(), "teacher.updated", ENTITY, teacher.staffNumber,
                List.of(before.regionCode(), teacher.regionCode).stream().distinct().toList(), changed);
        return true;
    }

    private static void compare(Map<String, Object> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before);
            change.put("to", after);
            changed.put(field, change);
        }
    }

    private static void apply(Teacher teacher, TeacherRequest request, SchoolReplica school) {
        teacher.staffNumber = request.staffNumber();
        teacher.name = request.name().strip();
        teacher.birthDate = request.birthDate();
        teacher.gender = request.gender();
        teacher.subjects = request.subjects().stream().map(Enum::name).toArray(String[]::new);
        teacher.level = request.level();
        teacher.title = request.title();
        teacher.backbone = request.backboneOrNone();
        teacher.schoolCode = school.code;
        teacher.regionCode = school.regionCode;
        teacher.joinedSchoolOn = request.joinedSchoolOn();
        teacher.cadre = request.cadre();
        teacher.tags = request.tagList().toArray(String[]::new);
        teacher.status = request.statusOrActive();
        teacher.residentId = request.residentId() == null || request.residentId().isBlank() ? null
                : ResidentId.normalise(request.residentId());
        teacher.position = request.position();
        teacher.leadershipTerms = List.copyOf(request.termList());
    }
}
