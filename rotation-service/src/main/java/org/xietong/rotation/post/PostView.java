package org.xietong.rotation.post;

import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.util.Set;

/** A post and how many of its seats no assignment holds yet. */
public record PostView(long id, String schoolCode, String regionCode, Subject subject, TeachingLevel level, int seats,
                       int openSeats, PostMode mode, LocalDate startDate, int months, Title minTitle,
                       BackboneLevel minBackbone, Set<String> preferredTags, String description, PostStatus status,
                       String requestedBy, String dispatchedBy, long version) {

    static PostView of(DemandPost p, int taken) {
        return new PostView(p.id, p.schoolCode, p.regionCode, p.subject, p.level, p.seats, Math.max(0, p.seats - taken),
                p.mode, p.startDate, p.months, p.minTitle, p.minBackbone, p.preferredTagSet(), p.description, p.status,
                p.requestedBy, p.dispatchedBy, p.version);
    }
}
