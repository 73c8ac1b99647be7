package org.xietong.rotation.policy;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.teacher.Gender;
import org.xietong.rotation.teacher.LeadershipPosition;
import org.xietong.rotation.teacher.LeadershipTerm;
import org.xietong.rotation.teacher.TeacherStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Beijing's rules (six years, three-year cycles from 2021, exempt within five years of retirement), by hand. */
class EligibilityTest {

    private static final RotationPolicy BEIJING = RotationPolicy.DEFAULTS;

    private static Eligibility.Decision decide(Gender gender, String born, String joined, String returned, int cycle) {
        return Eligibility.decide(new Eligibility.Facts(TeacherStatus.ACTIVE, gender, LocalDate.parse(born),
                LocalDate.parse(joined), false, returned == null ? null : LocalDate.parse(returned), null, List.of()),
                BEIJING, cycle);
    }

    /** A school leader who joined on 2019-09-01, with terms given as start/end pairs (an empty end: still running). */
    private static Eligibility.Decision leader(LeadershipPosition position, int cycle, String... terms) {
        return leader(position, null, cycle, terms);
    }

    private static Eligibility.Decision leader(LeadershipPosition position, String returned, int cycle, String... terms) {
        List<LeadershipTerm> served = new ArrayList<>();
        for (int i = 0; i < terms.length; i += 2) {
            served.add(new LeadershipTerm(LocalDate.parse(terms[i]), terms[i + 1].isEmpty() ? null : LocalDate.parse(terms[i + 1])));
        }
        return Eligibility.decide(new Eligibility.Facts(TeacherStatus.ACTIVE, Gender.MALE, LocalDate.parse("1978-05-01"),
                LocalDate.parse("2019-09-01"), false, returned == null ? null : LocalDate.parse(returned), position,
                served), BEIJING, cycle);
    }

    /** Two two-year terms from 2019 end on 2023-08-31: five years at the school on 2024-09-01, yet he must rotate. */
    @Test
    void aPrincipalAfterTwoConsecutiveTermsMustRotateBeforeSixYears() {
        Eligibility.Decision decision = leader(LeadershipPosition.PRINCIPAL, 2024,
                "2019-09-01", "2021-08-31", "2021-09-01", "2023-08-31", "2023-09-01", "");

        assertEquals(Eligibility.Status.ELIGIBLE, decision.status());
        assertEquals(Eligibility.Rule.TWO_TERMS, decision.rule());
        assertTrue(decision.detail().contains("2 consecutive terms as PRINCIPAL"), decision.detail());
    }

    /**
     * Two terms ended by 2023-08-31, and a full-time rotation completed on 2023-09-01 with a new term since: the
     * rotation restarted the count, so on 2024-09-01 the years decide (one since returning: not yet).
     */
    @Test
    void termsBeforeACompletedRotationNoLongerCount() {
        Eligibility.Decision decision = leader(LeadershipPosition.PRINCIPAL, "2023-09-01", 2024,
                "2019-09-01", "2021-08-31", "2021-09-01", "2023-08-31", "2023-09-01", "");

        assertEquals(Eligibility.Status.NOT_YET, decision.status());
        assertEquals(Eligibility.Rule.YEARS_AT_SCHOOL, decision.rule());
    }

    /** A two-year break between the terms: not consecutive, so the years decide (five: not yet). */
    @Test
    void termsWithABreakBetweenThemAreNotConsecutive() {
        Eligibility.Decision decision = leader(LeadershipPosition.VICE_PRINCIPAL, 2024,
                "2019-09-01", "2020-08-31", "2022-09-01", "2024-08-31");

        assertEquals(Eligibility.Status.NOT_YET, decision.status());
        assertEquals(Eligibility.Rule.YEARS_AT_SCHOOL, decision.rule());
    }

    /** One term ended, the second still running on 2024-09-01: one term served. */
    @Test
    void aTermStillRunningDoesNotCount() {
        Eligibility.Decision decision = leader(LeadershipPosition.VICE_PRINCIPAL, 2024,
                "2019-09-01", "2022-08-31", "2022-09-01", "");

        assertEquals(Eligibility.Rule.YEARS_AT_SCHOOL, decision.rule());
    }

    /** Joined 2010, back on 2023-08-31 from two years' full-time rotation: one year on 2024-09-01. */
    @Test
    void aCompletedFullTimeRotationRestartsTheYearsAtTheSchool() {
        Eligibility.Decision decision = decide(Gender.FEMALE, "1985-03-12", "2010-09-01", "2023-08-31", 2024);

        assertEquals(Eligibility.Status.NOT_YET, decision.status());
        assertEquals(Eligibility.Rule.YEARS_AT_SCHOOL, decision.rule());
        assertTrue(decision.detail().startsWith("1 years at the current school on 2024-09-01 since returning"),
                decision.detail());
    }

    /** The same teacher six cycles' worth later: seven full years since the return on 2030-09-01. */
    @Test
    void theRestartedYearsMakeTheTeacherEligibleAgainOnceLongEnough() {
        Eligibility.Decision decision = decide(Gender.FEMALE, "1985-03-12", "2010-09-01", "2023-08-31", 2030);

        assertEquals(Eligibility.Status.ELIGIBLE, decision.status());
        assertTrue(decision.detail().startsWith("7 years"), decision.detail());
    }

    /** Without a rotation the years run from joining: 14 on 2024-09-01. */
    @Test
    void withoutARotationTheYearsRunFromJoining() {
        assertEquals(Eligibility.Status.ELIGIBLE, decide(Gender.FEMALE, "1985-03-12", "2010-09-01", null, 2024).status());
    }

    /**
     * A man born 1969-08-15 would have retired on 2029-08-15, before 2029-09-01 (five years after the 2024 cycle
     * starts): exempt under the old fixed 60. His cohort retires 14 months later (55 months after January 2025:
     * step 14), on 2030-10-15, so he is not near retirement and must rotate.
     */
    @Test
    void theNearRetirementExemptionUsesTheCohortsRetirementAge() {
        Eligibility.Decision decision = decide(Gender.MALE, "1969-08-15", "2005-09-01", null, 2024);

        assertEquals(Eligibility.Status.ELIGIBLE, decision.status());
    }

    /** A woman teacher born 1972-01-10 retires at 55 and 7 months (24 months after January 2025: step 7), on 2027-08-10. */
    @Test
    void aTeacherWithinFiveYearsOfHerCohortsRetirementIsExempt() {
        Eligibility.Decision decision = decide(Gender.FEMALE, "1972-01-10", "2005-09-01", null, 2024);

        assertEquals(Eligibility.Rule.NEAR_RETIREMENT, decision.rule());
        assertTrue(decision.detail().startsWith("retires in 2027,"), decision.detail());
    }
}
