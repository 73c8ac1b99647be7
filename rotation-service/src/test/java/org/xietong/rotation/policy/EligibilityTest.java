package org.xietong.rotation.policy;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.teacher.Gender;
import org.xietong.rotation.teacher.TeacherStatus;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Beijing's rules (six years, three-year cycles from 2021, exempt within five years of retirement), by hand. */
class EligibilityTest {

    private static final RotationPolicy BEIJING = RotationPolicy.DEFAULTS;

    private static Eligibility.Decision decide(Gender gender, String born, String joined, String returned, int cycle) {
        return Eligibility.decide(new Eligibility.Facts(TeacherStatus.ACTIVE, gender, LocalDate.parse(born),
                LocalDate.parse(joined), false, returned == null ? null : LocalDate.parse(returned)), BEIJING, cycle);
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
        assertTrue(decision.detail().startsWith("retires on 2027-08-10"), decision.detail());
    }
}
