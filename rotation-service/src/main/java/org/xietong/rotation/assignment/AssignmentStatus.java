package org.xietong.rotation.assignment;

import java.util.EnumSet;
import java.util.Set;

/**
 * 派单 → 接单 → 评单: proposed by a run, accepted or declined by the teacher, confirmed by both sides' officers (or
 * rejected by one of them), served, evaluated. DECLINED and REJECTED free the seat and the teacher.
 */
public enum AssignmentStatus {
    PROPOSED, ACCEPTED, DECLINED, REJECTED, CONFIRMED, IN_SERVICE, COMPLETED, EVALUATED, TERMINATED;

    /** Holding the teacher: at most one per teacher. */
    public static final Set<AssignmentStatus> OPEN = EnumSet.of(PROPOSED, ACCEPTED, CONFIRMED, IN_SERVICE);
    /** Declined or rejected: the seat and the teacher are free again. */
    public static final Set<AssignmentStatus> RELEASED = EnumSet.of(DECLINED, REJECTED);
    /** Counted as rotated in the statistics. */
    public static final Set<AssignmentStatus> ROTATED = EnumSet.of(CONFIRMED, IN_SERVICE, COMPLETED, EVALUATED);
}
