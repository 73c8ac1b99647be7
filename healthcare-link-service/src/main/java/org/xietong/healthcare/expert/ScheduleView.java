package org.xietong.healthcare.expert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** A schedule with its session count and the first upcoming sessions. */
public record ScheduleView(long id, long expertId, String hostInstitutionCode, String hostRegion,
                           RecurrenceKind recurrence, DayOfWeek weekday, Integer intervalDays, List<LocalDate> dates,
                           HalfDay slot, int capacity, LocalDate startDate, LocalDate endDate, long sessionCount,
                           List<SessionView> nextSessions, long version) {
}
