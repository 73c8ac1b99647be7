package org.xietong.healthcare.expert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrenceTest {

    private static final LocalDate MON_1_DEC = LocalDate.of(2025, 12, 1);

    @Test
    void weeklyStartsOnTheFirstMatchingWeekdayAndIncludesTheEnd() {
        Recurrence thursdays = new Recurrence(RecurrenceKind.WEEKLY, DayOfWeek.THURSDAY, null, null,
                MON_1_DEC, LocalDate.of(2025, 12, 18));
        assertEquals(List.of(LocalDate.of(2025, 12, 4), LocalDate.of(2025, 12, 11), LocalDate.of(2025, 12, 18)),
                thursdays.expand());
    }

    @Test
    void everyFourteenDaysCountsFromTheStartDate() {
        Recurrence halfMonthly = new Recurrence(RecurrenceKind.EVERY_N_DAYS, null, 14, null,
                MON_1_DEC, LocalDate.of(2026, 1, 12));
        assertEquals(List.of(MON_1_DEC, LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 29),
                LocalDate.of(2026, 1, 12)), halfMonthly.expand());
    }

    @Test
    void datesAreSortedWithoutDuplicatesAndThoseOutsideTheRangeAreReported() {
        LocalDate a = LocalDate.of(2025, 12, 3);
        LocalDate b = LocalDate.of(2025, 12, 10);
        LocalDate outside = LocalDate.of(2026, 2, 1);
        Recurrence dates = new Recurrence(RecurrenceKind.DATES, null, null, List.of(b, a, b, outside),
                MON_1_DEC, LocalDate.of(2025, 12, 31));
        assertEquals(List.of(a, b), dates.expand());
        assertEquals(List.of(outside), dates.datesOutsideRange());
    }

    @Test
    void aRangeWithoutTheWeekdayYieldsNothing() {
        Recurrence none = new Recurrence(RecurrenceKind.WEEKLY, DayOfWeek.SUNDAY, null, null,
                MON_1_DEC, LocalDate.of(2025, 12, 5));
        assertTrue(none.expand().isEmpty());
    }

    static Stream<Arguments> incompleteRules() {
        return Stream.of(
                Arguments.of("weekly without a weekday", RecurrenceKind.WEEKLY, null, null, null, MON_1_DEC),
                Arguments.of("every 0 days", RecurrenceKind.EVERY_N_DAYS, null, 0, null, MON_1_DEC),
                Arguments.of("dates without a date", RecurrenceKind.DATES, null, null, List.of(), MON_1_DEC),
                Arguments.of("ending before it starts", RecurrenceKind.EVERY_N_DAYS, null, 7, null,
                        MON_1_DEC.minusDays(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteRules")
    void incompleteRulesAreRejected(String rule, RecurrenceKind kind, DayOfWeek weekday, Integer intervalDays,
                                    List<LocalDate> dates, LocalDate end) {
        assertThrows(IllegalArgumentException.class, () -> new Recurrence(kind, weekday, intervalDays, dates,
                MON_1_DEC, end));
    }

    @Test
    void anExpertOverlapsOnlyInTheSameHalfDay() {
        List<SessionKey> weekly = new Recurrence(RecurrenceKind.WEEKLY, DayOfWeek.MONDAY, null, null, MON_1_DEC,
                LocalDate.of(2026, 1, 31)).sessions(HalfDay.MORNING);
        List<SessionKey> fortnightly = new Recurrence(RecurrenceKind.EVERY_N_DAYS, null, 14, null, MON_1_DEC,
                LocalDate.of(2026, 1, 31)).sessions(HalfDay.MORNING);
        List<SessionKey> afternoons = new Recurrence(RecurrenceKind.EVERY_N_DAYS, null, 14, null, MON_1_DEC,
                LocalDate.of(2026, 1, 31)).sessions(HalfDay.AFTERNOON);

        assertEquals(fortnightly, SessionKey.conflicts(weekly, fortnightly));
        assertTrue(SessionKey.conflicts(weekly, afternoons).isEmpty());
        assertEquals(List.of(new SessionKey(LocalDate.of(2025, 12, 8), HalfDay.MORNING)),
                SessionKey.conflicts(weekly, List.of(new SessionKey(LocalDate.of(2025, 12, 8), HalfDay.MORNING),
                        new SessionKey(LocalDate.of(2025, 12, 9), HalfDay.MORNING))));
    }
}
