package org.xietong.rotation.matching;

import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.util.Set;

/**
 * A dispatched demand post with the seats still open. {@code minTitle} and {@code minBackbone} may be null (no
 * requirement).
 */
public record MatchingPost(long id, String schoolCode, String regionCode, Subject subject, TeachingLevel level,
                           int seats, PostMode mode, Title minTitle, BackboneLevel minBackbone,
                           Set<String> preferredTags) {

    public MatchingPost {
        preferredTags = Set.copyOf(preferredTags);
    }
}
