package org.xietong.healthcare.expert;

import java.time.Instant;

public record AppointmentView(long id, long sessionId, String patientRef, Appointment.Status status,
                              Instant createdAt, Instant cancelledAt) {

    static AppointmentView of(Appointment a) {
        return new AppointmentView(a.id, a.sessionId, a.patientRef, a.status, a.createdAt, a.cancelledAt);
    }
}
