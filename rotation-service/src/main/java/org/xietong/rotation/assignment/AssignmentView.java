package org.xietong.rotation.assignment;

import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.post.PostMode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An assignment; {@code endedOn} and {@code terminationReason} once an officer ended it early,
 * {@code pendingExtensionMonths} while one side's extension waits for the other side; {@code nominationReason} for
 * a direct nomination, which has no {@code runId}.
 */
public record AssignmentView(UUID id, UUID runId, long teacherId, long postId, PostMode mode, MatchingResult.Slot slot,
                             String fromSchool, String fromRegion, String toSchool, String toRegion, LocalDate startDate,
                             int months, int points, MatchingResult.Points pointsBreakdown, AssignmentStatus status,
                             String fromConfirmedBy, String toConfirmedBy, Integer evaluationScore,
                             String evaluationComments, LocalDate endedOn, String terminationReason,
                             Integer pendingExtensionMonths, String nominationReason, Instant updatedAt, long version) {

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id, a.runId, a.teacherId, a.postId, a.mode, a.slot, a.fromSchool, a.fromRegion,
                a.toSchool, a.toRegion, a.startDate, a.months, a.points, a.pointsBreakdown, a.status, a.fromConfirmedBy,
                a.toConfirmedBy, a.evaluationScore, a.evaluationComments, a.endedOn, a.terminationReason,
                a.extensionMonths, a.nominationReason, a.updatedAt, a.version);
    }
}
