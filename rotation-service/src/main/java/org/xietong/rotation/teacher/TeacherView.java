package org.xietong.rotation.teacher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A teacher as the API shows it; the resident ID is masked unless the caller may see it whole, and a masked ID never
 * sits beside the birth date (the two with the school's region would give the number back): the birth date is then
 * left out.
 */
public record TeacherView(long id, String staffNumber, String name, LocalDate birthDate, Gender gender,
                          List<Subject> subjects, TeachingLevel level, Title title, BackboneLevel backbone,
                          String schoolCode, String regionCode, LocalDate joinedSchoolOn, boolean cadre,
                          Set<String> tags, TeacherStatus status, String residentId, LeadershipPosition position,
                          List<LeadershipTerm> leadershipTerms, Instant updatedAt, long version) {

    static TeacherView of(Teacher t, boolean fullResidentId) {
        boolean masked = !fullResidentId && t.residentId != null;
        return new TeacherView(t.id, t.staffNumber, t.name, masked ? null : t.birthDate, t.gender, t.subjectList(), t.level, t.title,
                t.backbone, t.schoolCode, t.regionCode, t.joinedSchoolOn, t.cadre, t.tagSet(), t.status,
                fullResidentId ? t.residentId : ResidentId.mask(t.residentId), t.position, List.copyOf(t.leadershipTerms),
                t.updatedAt, t.version);
    }
}
