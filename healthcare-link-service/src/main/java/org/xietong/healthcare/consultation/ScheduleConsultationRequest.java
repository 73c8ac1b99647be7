package org.xietong.healthcare.consultation;

import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;

/** When the consultation takes place, with its offset (e.g. 2026-12-01T09:30:00+08:00). */
public record ScheduleConsultationRequest(@NotNull OffsetDateTime scheduledAt) {
}
