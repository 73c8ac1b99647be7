package org.xietong.healthcare.expert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

public record SessionView(long id, long scheduleId, long expertId, String hostInstitutionCode, LocalDate date,
                          HalfDay slot, int capacity, int booked, int available, SessionStatus status,
                          String cancelReason,
                          @Schema(description = "The version, to send back in If-Match to cancel it") long version) {

    static SessionView of(ClinicSession s) {
        return new SessionView(s.id, s.scheduleId, s.expertId, s.hostInstitutionCode, s.sessionDate, s.slot,
                s.capacity, s.booked, s.status == SessionStatus.OPEN ? s.capacity - s.booked : 0, s.status,
                s.cancelReason, s.version);
    }
}
