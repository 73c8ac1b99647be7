package org.xietong.contracts.healthcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A visiting expert's outreach schedule (坐诊排班) changed: requested of the expert's region (PENDING), active (made by
 * a region that answers for the expert, or accepted by the expert's region), declined, or cancelled with its coming
 * sessions. Key and subject: the schedule id; visible in the host's and the expert's regions.
 */
public record OutreachScheduleChanged(long id, long expertId, String expertRegion, String hostInstitutionCode,
                                      String hostRegion, String recurrence, String slot, int capacity,
                                      LocalDate startDate, LocalDate endDate, String status, Instant changedAt) {

    public static final String REQUESTED = "org.xietong.healthcare.outreach-schedule.requested.v1";
    public static final String ACTIVATED = "org.xietong.healthcare.outreach-schedule.activated.v1";
    public static final String DECLINED = "org.xietong.healthcare.outreach-schedule.declined.v1";
    public static final String CANCELLED = "org.xietong.healthcare.outreach-schedule.cancelled.v1";
    public static final List<String> TYPES = List.of(REQUESTED, ACTIVATED, DECLINED, CANCELLED);
}
