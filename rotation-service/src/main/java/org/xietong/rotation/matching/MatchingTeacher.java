package org.xietong.rotation.matching;

import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A teacher as the matcher sees them. {@code subjects} lists the primary subject first; the outflow cap counts a
 * teacher under it. {@code eligible} says whether the region's policy lets them rotate this cycle; teachers who
 * are not may still take shadowing seats.
 */
public record MatchingTeacher(long id, String schoolCode, String regionCode, List<Subject> subjects,
                              TeachingLevel level, Title title, BackboneLevel backbone, boolean cadre, Set<String> tags,
                              LocalDate joinedSchoolOn, boolean eligible) {

    public MatchingTeacher {
        subjects = List.copyOf(subjects);
        tags = Set.copyOf(tags);
    }

    public Subject primarySubject() {
        return subjects.get(0);
    }
}
