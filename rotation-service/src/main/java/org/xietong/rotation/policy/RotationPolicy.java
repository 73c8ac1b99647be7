package org.xietong.rotation.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.xietong.rotation.matching.MatchingWeights;

import java.time.LocalDate;

/**
 * A region's rotation rules (交流轮岗政策): who is eligible, how many may leave a school, the targets and the matching
 * weights. Cycles start on 1 September of {@code firstCycleStart}, {@code firstCycleStart + cycleYears}, …
 * The retirement ages are the original statutory ages (60 and 55 for teachers); the 2025 reform's later ages follow
 * from them by birth cohort ({@link StatutoryRetirement}).
 */
public record RotationPolicy(
        @Min(1) @Max(30) int minYearsAtSchool,
        @Min(1) @Max(10) int cycleYears,
        @Min(2000) @Max(2100) int firstCycleStart,
        @Min(0) @Max(15) int retirementExemptYears,
        @Min(45) @Max(70) int retirementAgeMale,
        @Min(45) @Max(70) int retirementAgeFemale,
        @Min(1) @Max(100) int outflowCapPercent,
        boolean crossDistrictLinkedOnly,
        @Min(0) @Max(100) int targetYearlyPercent,
        @Min(0) @Max(100) int targetBackbonePercent,
        @NotNull @Valid MatchingWeights weights) {

    /** Beijing's rules as the 2021 reform set them: six years at a school, three-year cycles, 20 % outflow cap. */
    public static final RotationPolicy DEFAULTS = new RotationPolicy(6, 3, 2021, 5, 60, 55, 20, true, 10, 20, MatchingWeights.DEFAULTS);

    public LocalDate cycleStart(int cycle) {
        return LocalDate.of(cycle, 9, 1);
    }

    /** The last day of the cycle. */
    public LocalDate cycleEnd(int cycle) {
        return cycleStart(cycle).plusYears(cycleYears).minusDays(1);
    }

    public boolean isCycle(int year) {
        return year >= firstCycleStart && year <= 2100 && (year - firstCycleStart) % cycleYears == 0;
    }

    /** The cycle {@code date} falls in (the cycle containing the first cycle's start for earlier dates). */
    public int cycleOf(LocalDate date) {
        int schoolYear = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        int offset = Math.max(0, schoolYear - firstCycleStart);
        return firstCycleStart + offset / cycleYears * cycleYears;
    }

    /** How many of a school's teachers with this primary subject may leave in a cycle: floor of the percentage, at least one. */
    public int outflowCap(int teachersWithSubject) {
        return Math.max(1, teachersWithSubject * outflowCapPercent / 100);
    }
}
