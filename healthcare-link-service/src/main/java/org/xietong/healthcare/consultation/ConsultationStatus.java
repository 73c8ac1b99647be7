package org.xietong.healthcare.consultation;

import java.util.EnumSet;
import java.util.Set;

/**
 * REQUESTED → ACCEPTED → SCHEDULED → COMPLETED; the consulting side may decline until it has scheduled, the
 * requesting side cancel until it is completed.
 */
public enum ConsultationStatus {
    REQUESTED, ACCEPTED, SCHEDULED, COMPLETED, DECLINED, CANCELLED;

    public Set<ConsultationStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ACCEPTED, DECLINED, CANCELLED);
            case ACCEPTED -> EnumSet.of(SCHEDULED, DECLINED, CANCELLED);
            case SCHEDULED -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, DECLINED, CANCELLED -> EnumSet.noneOf(ConsultationStatus.class);
        };
    }

    public boolean canMoveTo(ConsultationStatus target) {
        return next().contains(target);
    }

    /** Still running against its SLA. */
    public boolean isOpen() {
        return this != COMPLETED && this != DECLINED && this != CANCELLED;
    }
}
