package org.xietong.rotation.teacher;

import jakarta.enterprise.context.RequestScoped;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

/**
 * Who may see and change a teacher's record: officers of a region covering the school, the school's admins, and
 * the teacher (whose token's {@code teacher_id} is their staff number, at the school their token names), who sees
 * only their own record and never manages it, even when they are also a school admin.
 */
@RequestScoped
public class TeacherAccess {

    public static final String TEACHER = "teacher";
    public static final String SCHOOL_ADMIN = "school-admin";
    public static final String EDUCATION_OFFICER = "education-officer";

    private final Caller caller;

    public TeacherAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean isSelf(Teacher teacher) {
        return caller.hasRole(TEACHER) && caller.teacherId().map(teacher.staffNumber::equals).orElse(false)
                && caller.schoolCode().map(teacher.schoolCode::equals).orElse(false);
    }

    /** A teacher-role caller with no administrative role. */
    public boolean isOnlyTeacher() {
        return caller.hasRole(TEACHER) && !caller.hasRole(SCHOOL_ADMIN) && !caller.hasRole(EDUCATION_OFFICER)
                && !caller.hasRole(Caller.PLATFORM_ADMIN);
    }

    /**
     * Officers and platform admins for schools their region covers; school admins for the school their token names
     * (a school admin without a school claim manages nothing).
     */
    public boolean managesSchool(String regionCode, String schoolCode) {
        RegionScope scope = caller.scope();
        if (caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(EDUCATION_OFFICER)) {
            return scope.coversSchool(regionCode, schoolCode);
        }
        return caller.hasRole(SCHOOL_ADMIN) && caller.schoolCode().isPresent()
                && scope.coversSchool(regionCode, schoolCode);
    }

    /** Whether this caller manages any school at all (a school admin needs a school claim). */
    public boolean managesAnything() {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(EDUCATION_OFFICER)
                || (caller.hasRole(SCHOOL_ADMIN) && caller.schoolCode().isPresent());
    }

    public boolean manages(Teacher teacher) {
        return !isSelf(teacher) && managesSchool(teacher.regionCode, teacher.schoolCode);
    }

    public boolean canRead(Teacher teacher) {
        return isSelf(teacher) || managesSchool(teacher.regionCode, teacher.schoolCode);
    }

    /** The whole resident ID is for officers, platform admins and the teacher; school admins see it masked. */
    public boolean seesResidentId(Teacher teacher) {
        return isSelf(teacher) || ((caller.hasRole(EDUCATION_OFFICER) || caller.hasRole(Caller.PLATFORM_ADMIN))
                && caller.scope().covers(teacher.regionCode));
    }

    public Teacher readable(Teacher teacher) {
        caller.scope().requireReadable(teacher != null && canRead(teacher), "teacher");
        return teacher;
    }

    public RegionScope scope() {
        return caller.scope();
    }

    public TeacherView view(Teacher teacher) {
        return TeacherView.of(teacher, seesResidentId(teacher));
    }
}
