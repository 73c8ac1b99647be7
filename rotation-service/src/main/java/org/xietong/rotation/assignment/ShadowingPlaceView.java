package org.xietong.rotation.assignment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A shadowing (跟岗) place offered to a teacher of the sending region, as that region's authority answers for it: the
 * teacher by the rotation service's id only, the schools, the dates. The teacher's record stays with rotation:people.
 */
public record ShadowingPlaceView(UUID id, AssignmentStatus status,
                                 @Schema(description = "The teacher's id in the rotation service") long teacherId,
                                 long postId, String fromSchool, String fromRegion, String toSchool, String toRegion,
                                 LocalDate startDate, int months, Instant updatedAt, long version) {

    static ShadowingPlaceView of(Assignment a) {
        return new ShadowingPlaceView(a.id, a.status, a.teacherId, a.postId, a.fromSchool, a.fromRegion, a.toSchool,
                a.toRegion, a.startDate, a.months, a.updatedAt, a.version);
    }
}
