package org.xietong.platform.rules;

import org.junit.jupiter.api.Test;
import org.xietong.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuleVersionsTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2026, 7, 1);
    private static final List<LocalDate> STARTS = List.of(JAN, JUL);

    @Test
    void aDayBeforeAChangeIsUnderTheOldVersion() {
        assertEquals(Optional.of(JAN), RuleVersions.inForce(STARTS, Function.identity(), JUL.minusDays(1)));
    }

    @Test
    void theChangeDayIsUnderTheNewVersion() {
        assertEquals(Optional.of(JUL), RuleVersions.inForce(STARTS, Function.identity(), JUL));
    }

    @Test
    void aDayBeforeTheFirstVersionHasNoRule() {
        assertEquals(Optional.empty(), RuleVersions.inForce(STARTS, Function.identity(), JAN.minusDays(1)));
    }

    @Test
    void aVersionEndsTheDayBeforeTheNextBegins() {
        assertEquals(LocalDate.of(2026, 6, 30), RuleVersions.validTo(STARTS, JAN));
        assertNull(RuleVersions.validTo(STARTS, JUL));
    }

    @Test
    void theFirstVersionIsInForceSinceEverUnlessDated() {
        assertEquals(RuleVersions.SINCE_EVER, RuleVersions.start(null, List.of(), JUL, day -> true, "The rule"));
    }

    @Test
    void aChangeWithoutADateBeginsToday() {
        assertEquals(JUL, RuleVersions.start(null, STARTS, JUL, day -> true, "The rule"));
    }

    @Test
    void aPastChangeWithNothingRecordedSinceLoadsHistory() {
        assertEquals(JAN.plusDays(40), RuleVersions.start(JAN.plusDays(40), STARTS, JUL, day -> false, "The rule"));
    }

    @Test
    void aPastChangeOverRecordedResultsIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> RuleVersions.start(JUL.minusDays(1), STARTS, JUL, day -> true, "The rule"));
        assertEquals(422, refused.problem().status());
        assertEquals(true, refused.problem().type().toString().endsWith("/retroactive-rule"));
    }

    /** A matching run decided next September's cycle: a version beginning today would change its rules. */
    @Test
    void aVersionBeforeADecisionAheadIsRefused() {
        LocalDate decidedCycle = JUL.plusMonths(2);
        ProblemException refused = assertThrows(ProblemException.class, () -> RuleVersions.startAfterDecisions(
                null, STARTS, JUL, day -> !day.isAfter(decidedCycle), "The rule"));
        assertEquals(422, refused.problem().status());
    }

    @Test
    void aFirstVersionSinceEverIsRefusedOnceAnythingWasDecided() {
        assertThrows(ProblemException.class, () -> RuleVersions.startAfterDecisions(null, List.of(), JUL,
                day -> true, "The rule"));
    }

    @Test
    void aVersionAfterTheLastDecisionBegins() {
        LocalDate decidedCycle = JUL.plusMonths(2);
        assertEquals(decidedCycle.plusDays(1), RuleVersions.startAfterDecisions(decidedCycle.plusDays(1), STARTS,
                JUL, day -> !day.isAfter(decidedCycle), "The rule"));
    }

    @Test
    void aNewVersionNeverRepeatsTheTagOfTheOldOne() {
        assertNotEquals(RuleVersions.tag(JAN, 0), RuleVersions.tag(JUL, 0));
    }
}
