package org.xietong.healthcare.consultation;

import java.time.Duration;

/** How soon the consulting institution must have completed the consultation. */
public enum Urgency {
    URGENT(Duration.ofHours(2)), ROUTINE(Duration.ofHours(48));

    private final Duration sla;

    Urgency(Duration sla) {
        this.sla = sla;
    }

    public Duration sla() {
        return sla;
    }
}
