package org.xietong.contracts.healthcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A seat in an outreach clinic (坐诊) was booked or cancelled by the host. No patient reference: the host's own
 * booking system knows whom the appointment id stands for. Key and subject: the clinic session id, so one session's
 * bookings keep their order; visible in the host's region only (the expert's side sees sessions, not who is booked).
 * A whole session's cancellation is {@link ClinicSessionCancelled}.
 */
public record AppointmentChanged(long id, long sessionId, long scheduleId, long expertId, String hostInstitutionCode,
                                 String hostRegion, LocalDate sessionDate, String slot, String status, int booked,
                                 int capacity, Instant changedAt) {

    public static final String BOOKED = "org.xietong.healthcare.appointment.booked.v1";
    public static final String CANCELLED = "org.xietong.healthcare.appointment.cancelled.v1";
    public static final List<String> TYPES = List.of(BOOKED, CANCELLED);
}
