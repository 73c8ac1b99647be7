package org.xietong.healthcare.expert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * When an outreach schedule holds clinics, within [start, end] inclusive. Expansion is bounded by the range, which
 * requests limit to a year, so materialising every session is cheap.
 */
public record Recurrence(RecurrenceKind kind, DayOfWeek weekday, Integer intervalDays, List<LocalDate> dates,
                         LocalDate start, LocalDate end) {

    public Recurrence {
        if (kind == null || start == null || end == null || end.isBefore(start)) {
            throw new IllegalArgumentException("a recurrence needs a kind and a range whose end is not before its start");
        }
        if (kind == RecurrenceKind.WEEKLY && weekday == null) {
            throw new IllegalArgumentException("a weekly recurrence needs a weekday");
        }
        if (kind == RecurrenceKind.EVERY_N_DAYS && (intervalDays == null || intervalDays < 1)) {
            throw new IllegalArgumentException("an every-N-days recurrence needs a positive interval");
        }
        if (kind == RecurrenceKind.DATES && (dates == null || dates.isEmpty())) {
            throw new IllegalArgumentException("a dates recurrence needs dates");
        }
        dates = dates == null ? List.of() : List.copyOf(dates);
    }

    /** The clinic dates in order, without duplicates. */
    public List<LocalDate> expand() {
        List<LocalDate> out = new ArrayList<>();
        switch (kind) {
            case WEEKLY -> {
                for (LocalDate d = start.with(TemporalAdjusters.nextOrSame(weekday)); !d.isAfter(end); d = d.plusWeeks(1)) {
                    out.add(d);
                }
            }
            case EVERY_N_DAYS -> {
                for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(intervalDays)) {
                    out.add(d);
                }
            }
            case DATES -> out.addAll(new TreeSet<>(dates).stream()
                    .filter(d -> !d.isBefore(start) && !d.isAfter(end)).toList());
        }
        return out;
    }

    /** Dates of a DATES recurrence that lie outside its range: a request error, not something to drop silently. */
    public List<LocalDate> datesOutsideRange() {
        return dates.stream().filter(d -> d.isBefore(start) || d.isAfter(end)).sorted().distinct().toList();
    }

    public List<SessionKey> sessions(HalfDay slot) {
        return expand().stream().map(d -> new SessionKey(d, slot)).toList();
    }
}
