package org.xietong.healthcare.expert;

import java.time.LocalDate;

public record SessionView(long id, long scheduleId, long expertId, String hostInstitutionCode, LocalDate date,
                          HalfDay slot, int capacity, int booked, int available) {

    static SessionView of(ClinicSession s) {
        return new SessionView(s.id, s.scheduleId, s.expertId, s.hostInstitutionCode, s.sessionDate, s.slot,
                s.capacity, s.booked, s.capacity - s.booked);
    }
}
