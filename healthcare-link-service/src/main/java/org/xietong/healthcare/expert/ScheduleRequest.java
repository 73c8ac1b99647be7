package org.xietong.healthcare.expert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * An outreach schedule. WEEKLY needs a weekday, EVERY_N_DAYS an interval (counted from the start date), DATES the
 * dates. The start date is always explicit; without an end date WEEKLY and EVERY_N_DAYS run for
 * {@value #DEFAULT_DAYS} days and DATES ends at its last date. A schedule ends at most one year after its start
 * (checked by the service, which answers 422 naming the bound), so one request materialises a bounded number of
 * sessions.
 */
public record ScheduleRequest(
        @NotNull Long expertId,
        @NotNull @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String hostInstitutionCode,
        @NotNull RecurrenceKind recurrence,
        DayOfWeek weekday,
        @Min(1) @Max(366) Integer intervalDays,
        @Size(max = 200) List<@NotNull LocalDate> dates,
        @NotNull HalfDay slot,
        @NotNull @Min(1) @Max(500) Integer capacity,
        LocalDate startDate,
        LocalDate endDate) {

    static final int DEFAULT_DAYS = 182;

    @JsonIgnore

    @AssertTrue(message = "a WEEKLY schedule needs a weekday")
    public boolean isWeekdayGiven() {
        return recurrence != RecurrenceKind.WEEKLY || weekday != null;
    }

    @JsonIgnore

    @AssertTrue(message = "an EVERY_N_DAYS schedule needs intervalDays")
    public boolean isIntervalGiven() {
        return recurrence != RecurrenceKind.EVERY_N_DAYS || intervalDays != null;
    }

    @JsonIgnore

    @AssertTrue(message = "a DATES schedule needs at least one date")
    public boolean isDatesGiven() {
        return recurrence != RecurrenceKind.DATES || (dates != null && !dates.isEmpty());
    }

    @JsonIgnore

    @AssertTrue(message = "must not be before the start date")
    public boolean isEndDateAfterStart() {
        return endDate == null || startDate == null || !endDate.isBefore(startDate);
    }

    /** The rule with the end date's default filled in; the start date must be given. */
    Recurrence rule() {
        List<LocalDate> given = dates == null ? List.of() : dates;
        LocalDate start = startDate;
        LocalDate end = endDate != null ? endDate
                : recurrence == RecurrenceKind.DATES && !given.isEmpty() ? Collections.max(given) : start.plusDays(DEFAULT_DAYS);
        return new Recurrence(recurrence, weekday, intervalDays, given, start, end);
    }
}
