package org.xietong.pairing.activity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DormancyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Period SEMESTER = Period.ofMonths(6);

    @Test
    void aPairingWithoutActivityIsDormantSixMonthsAfterItBecameActive() {
        LocalDate activated = LocalDate.of(2026, 5, 1);
        assertEquals(activated, Dormancy.lastSign(activated, null));
        assertTrue(Dormancy.isDormant(TODAY, activated, SEMESTER));
        assertFalse(Dormancy.isDormant(TODAY, LocalDate.of(2026, 6, 1), SEMESTER));
        assertEquals(206, Dormancy.idleDays(TODAY, activated));
    }

    @Test
    void theLatestActivityCountsOnlyIfItIsLaterThanActivation() {
        LocalDate activated = LocalDate.of(2025, 9, 1);
        assertEquals(LocalDate.of(2026, 10, 16), Dormancy.lastSign(activated, LocalDate.of(2026, 10, 16)));
        assertEquals(activated, Dormancy.lastSign(activated, LocalDate.of(2025, 6, 1)));
        assertFalse(Dormancy.isDormant(TODAY, LocalDate.of(2026, 10, 16), SEMESTER));
    }
}
