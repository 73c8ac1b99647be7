package org.xietong.healthcare.consultation;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The time SLAs are computed and judged against; a bean of its own so tests can move it forward. */
@ApplicationScoped
public class ConsultationClock {

    public Instant now() {
        return Instant.now();
    }
}
