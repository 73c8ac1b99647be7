package org.xietong.healthcare.expert;

import java.time.LocalDate;

public record SessionView(long id, long scheduleId, long expertId, String hostInstitutionCode, LocalDate date,
                          HalfDay slot, int capacity, int booked, int available, SessionStatus status,
                          String cancelReason) {

    static SessionView of(ClinicSession s) {
        return new SessionView(s.id, s.scheduleId, s.expertId, s.hostInstitutionCode, s.sessionDate, s.slot,
                s.capacity, s.booked, s.status == SessionStatus.OPEN ? s.capacity - s.booked : 0, s.status,
                s.cancelReason);
    }
}
