package org.xietong.healthcare.consultation;

import java.util.EnumSet;
import java.util.Set;

/** REQUESTED → ACCEPTED → SCHEDULED → COMPLETED; the consulting side may decline until it has scheduled. */
public enum ConsultationStatus {
    REQUESTED, ACCEPTED, SCHEDULED, COMPLETED, DECLINED;

    public Set<ConsultationStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED -> EnumSet.of(SCHEDULED, DECLINED);
            case SCHEDULED -> EnumSet.of(COMPLETED);
            case COMPLETED, DECLINED -> EnumSet.noneOf(ConsultationStatus.class);
        };
    }

    public boolean canMoveTo(ConsultationStatus target) {
        return next().contains(target);
    }

    /** Still running against its SLA. */
    public boolean isOpen() {
        return this != COMPLETED && this != DECLINED;
    }
}
