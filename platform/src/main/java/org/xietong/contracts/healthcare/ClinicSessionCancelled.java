package org.xietong.contracts.healthcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The host cancelled a visiting expert's clinic session (坐诊); every appointment booked in it was cancelled with it.
 * {@code cancelledAppointments} are the host's appointment ids, so its booking system tells each patient; no patient
 * reference travels. Key and subject: the session id; visible to the host's and the expert's home region.
 */
public record ClinicSessionCancelled(long id, long scheduleId, long expertId, String hostInstitutionCode,
                                     String hostRegion, LocalDate date, String slot, List<Long> cancelledAppointments,
                                     Instant cancelledAt) {

    public static final String TYPE = "org.xietong.healthcare.clinic-session.cancelled.v1";
}
