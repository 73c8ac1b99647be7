package org.xietong.healthcare.consortium;

/** A cooperation item moves forward only: planned, under way, done. */
public enum CooperationStatus {
    PLANNED, ACTIVE, DONE;

    public boolean canMoveTo(CooperationStatus next) {
        return next.ordinal() >= ordinal();
    }
}
