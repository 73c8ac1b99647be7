package org.xietong.rotation.policy;

import org.xietong.rotation.teacher.Gender;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The statutory retirement day by birth cohort, under 《国务院关于渐进式提高法定退休年龄的决定》 (adopted by the NPC
 * Standing Committee on 13 September 2024, in force 1 January 2025). The original ages stay the policy's: 60 for
 * men, 55 for women in professional and managerial posts (teachers), 50 for women in worker posts. Whoever would
 * have retired at the original age in January 2025 or later retires later by one month, and one month more for every
 * further four months of original retirement (two months where the original age is 50), until the new ages are
 * reached: 63, 58 and 55 (36, 36 and 60 months later). So a man born in January–April 1965 retires at 60 and one
 * month, one born in January 1970 at 61 and four months, one born in September 1976 or later at 63.
 * Other original ages (a region's own rule), and a man's 55 or a woman's 60, are kept as they are: the decision
 * raises men's 60 and women's 55 and 50 only.
 */
public final class StatutoryRetirement {

    /** The first month in which an original retirement is postponed. */
    static final YearMonth REFORM_START = YearMonth.of(2025, 1);

    private StatutoryRetirement() {
    }

    /** The day a person born on {@code birthDate} reaches statutory retirement, from the original age. */
    public static LocalDate day(Gender gender, LocalDate birthDate, int originalAge) {
        LocalDate original = birthDate.plusYears(originalAge);
        return original.plusMonths(delayMonths(gender, YearMonth.from(original), originalAge));
    }

    /** How many months the reform adds to an original retirement falling in {@code originalMonth}. */
    static int delayMonths(Gender gender, YearMonth originalMonth, int originalAge) {
        if (originalMonth.isBefore(REFORM_START)) {
            return 0;
        }
        long since = ChronoUnit.MONTHS.between(REFORM_START, originalMonth);
        boolean man = gender == Gender.MALE;
        if ((man && originalAge == 60) || (!man && originalAge == 55)) {
            return (int) Math.min(36, since / 4 + 1);
        }
        return !man && originalAge == 50 ? (int) Math.min(60, since / 2 + 1) : 0;
    }
}
