package org.xietong.rotation.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.xietong.rotation.teacher.Gender;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cohort table of 《国务院关于渐进式提高法定退休年龄的决定》 (its annexes 1–3), worked by hand: the original
 * retirement month, how many four-month (or two-month) steps after January 2025 it falls, one month per step
 * begun, capped at the new age.
 */
class StatutoryRetirementTest {

    @ParameterizedTest(name = "{0} born {1}, original age {2}: retires {3} ({4})")
    @CsvSource({
            // Men, 60 → 63, one month per four.
            "MALE, 1964-12-15, 60, 2024-12-15, original retirement before 2025: unchanged",
            "MALE, 1965-01-10, 60, 2025-02-10, January–April 1965: 60 and 1 month",
            "MALE, 1965-04-30, 60, 2025-05-30, still the first step",
            "MALE, 1965-05-01, 60, 2025-07-01, May–August 1965: 60 and 2 months",
            "MALE, 1970-01-01, 60, 2031-05-01, January–April 1970: 60 months after the start is step 16",
            "MALE, 1976-08-31, 60, 2039-07-31, August 1976: 139 months after the start is step 35",
            "MALE, 1976-09-01, 60, 2039-09-01, September 1976: 63",
            "MALE, 1985-03-12, 60, 2048-03-12, later cohorts stay at 63",
            // Women in professional posts (teachers), 55 → 58, one month per four.
            "FEMALE, 1969-12-31, 55, 2024-12-31, original retirement before 2025: unchanged",
            "FEMALE, 1970-01-01, 55, 2025-02-01, January–April 1970: 55 and 1 month",
            "FEMALE, 1975-06-15, 55, 2031-11-15, June 1975: 65 months after the start is step 17",
            "FEMALE, 1981-09-01, 55, 2039-09-01, September 1981: 58",
            "FEMALE, 1990-01-01, 55, 2048-01-01, later cohorts stay at 58",
            // Women in worker posts, 50 → 55, one month per two.
            "FEMALE, 1975-01-20, 50, 2025-02-20, January–February 1975: 50 and 1 month",
            "FEMALE, 1975-03-01, 50, 2025-05-01, March–April 1975: 50 and 2 months",
            "FEMALE, 1984-12-01, 50, 2039-12-01, December 1984: 55",
            // A region's own original age is kept.
            "MALE, 1970-01-01, 65, 2035-01-01, not an age the decision raises",
            "MALE, 1970-01-01, 55, 2025-01-01, a man's 55 (an early-retirement rule) is not raised",
            "FEMALE, 1966-01-01, 60, 2026-01-01, a woman's 60 (a senior professional) is not raised by men's table"})
    void retirementFollowsTheCohortTable(Gender gender, LocalDate born, int originalAge, LocalDate retires, String why) {
        assertEquals(retires, StatutoryRetirement.day(gender, born, originalAge), why);
    }
}
