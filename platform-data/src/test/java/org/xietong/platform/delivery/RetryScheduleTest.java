package org.xietong.platform.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(24));

    @ParameterizedTest
    @CsvSource({"1, 5000", "2, 10000", "3, 20000", "8, 640000", "9, 900000", "40, 900000"})
    void theDelayDoublesPerFailureUpToTheCeiling(int failures, long fullMillis) {
        assertEquals(fullMillis, schedule.delayAfter(failures, () -> 1.0).toMillis());
        assertEquals(fullMillis / 2, schedule.delayAfter(failures, () -> 0.0).toMillis(), "half is fixed, half random");
    }

    @Test
    void anEventIsRetriedForTheWholeWindowFromItsPublication() {
        Instant published = Instant.parse("2026-12-05T08:00:00Z");
        assertFalse(schedule.expired(published, published.plus(Duration.ofHours(23).plusMinutes(59))));
        assertTrue(schedule.expired(published, published.plus(Duration.ofHours(24))));
    }
}
