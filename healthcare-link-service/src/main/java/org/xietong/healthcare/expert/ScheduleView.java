package org.xietong.healthcare.expert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A schedule with its consent status, its session count and the first upcoming sessions. */
public record ScheduleView(long id, long expertId, String hostInstitutionCode, String hostRegion,
                           RecurrenceKind recurrence, DayOfWeek weekday, Integer intervalDays, List<LocalDate> dates,
                           HalfDay slot, int capacity, LocalDate startDate, LocalDate endDate, ScheduleStatus status,
                           String requestedBy, String decidedBy, Instant decidedAt,
                           @Schema(description = "When the schedule was cancelled; null unless CANCELLED") Instant cancelledAt,
                           @Schema(description = "Why it was cancelled") String cancelReason, long sessionCount,
                           List<SessionView> nextSessions, long version) {
}
