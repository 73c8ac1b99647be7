package org.xietong.contracts.rotation;

import java.time.LocalDate;
import java.util.List;

/**
 * A rotation assignment (a teacher to a demand post) as it is after one step of 派单 → 接单 → 评单; the CloudEvents
 * type says which step. Carries the teacher's internal id, never their name or ID number. Key and subject: the
 * assignment id.
 */
public record AssignmentChanged(String id, String runId, long teacherId, long postId, String mode, String fromSchool,
                                String toSchool, String status, LocalDate startDate, int months, int points,
                                Integer evaluationScore) {

    public static final String PROPOSED = "org.xietong.rotation.assignment.proposed.v1";
    public static final String ACCEPTED = "org.xietong.rotation.assignment.accepted.v1";
    public static final String DECLINED = "org.xietong.rotation.assignment.declined.v1";
    /** A district officer of either side refused a proposed or accepted assignment. */
    public static final String REJECTED = "org.xietong.rotation.assignment.rejected.v1";
    /** One side's officer confirmed; the assignment stays ACCEPTED until both schools' officers have. */
    public static final String APPROVED = "org.xietong.rotation.assignment.approved.v1";
    public static final String CONFIRMED = "org.xietong.rotation.assignment.confirmed.v1";
    public static final String STARTED = "org.xietong.rotation.assignment.started.v1";
    public static final String COMPLETED = "org.xietong.rotation.assignment.completed.v1";
    public static final String EVALUATED = "org.xietong.rotation.assignment.evaluated.v1";
    /** An officer of either side ended a confirmed or running assignment early, with a reason. */
    public static final String TERMINATED = "org.xietong.rotation.assignment.terminated.v1";
    /** Both sides' officers agreed to extend the assignment; {@code months} is the new length. */
    public static final String EXTENDED = "org.xietong.rotation.assignment.extended.v1";
    public static final List<String> TYPES = List.of(PROPOSED, ACCEPTED, DECLINED, REJECTED, APPROVED, CONFIRMED, STARTED,
            COMPLETED, EVALUATED, TERMINATED, EXTENDED);
}
