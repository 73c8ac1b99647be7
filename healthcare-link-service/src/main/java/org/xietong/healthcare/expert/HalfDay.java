package org.xietong.healthcare.expert;

/** Clinics are held by half-day (上午/下午); two sessions overlap exactly when they share date and half-day. */
public enum HalfDay {
    MORNING, AFTERNOON
}
