package org.xietong.rotation.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.rotation.teacher.Gender;
import org.xietong.rotation.teacher.LeadershipPosition;
import org.xietong.rotation.teacher.LeadershipTerm;
import org.xietong.rotation.teacher.TeacherStatus;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Whether a teacher must rotate in a cycle, and the rule that decided it. Rules apply in order: on leave, near
 * statutory retirement (by birth cohort) and already rotated this cycle exempt; otherwise the years at the current
 * school, counted on the cycle's first day, make a teacher eligible or not yet. A completed full-time rotation
 * restarts that count: the years run from the teacher's return. A principal or vice-principal who has served two
 * consecutive terms at the school by the cycle's first day must rotate, however few years that makes
 * (教师〔2014〕4号: 校长、副校长在同一所学校连续任职满两届).
 */
public final class Eligibility {

    @Schema(name = "EligibilityStatus")
    public enum Status { ELIGIBLE, EXEMPT, NOT_YET }

    @Schema(name = "EligibilityRule")
    public enum Rule { ON_LEAVE, NEAR_RETIREMENT, ROTATED_THIS_CYCLE, TWO_TERMS, YEARS_AT_SCHOOL }

    /**
     * {@code returnedFromRotationOn}: the end of the teacher's last completed full-time rotation, or null;
     * {@code position} and {@code leadershipTerms}: a principal's or vice-principal's terms at the current school.
     */
    public record Facts(TeacherStatus status, Gender gender, LocalDate birthDate, LocalDate joinedSchoolOn,
                        boolean rotatedThisCycle, LocalDate returnedFromRotationOn, LeadershipPosition position,
                        List<LeadershipTerm> leadershipTerms) {
    }

    /** Days between one term's end and the next one's start that still make the two consecutive (连续任职). */
    static final int CONSECUTIVE_GAP_DAYS = 31;

    public record Decision(Status status, Rule rule, String detail) {

        public boolean eligible() {
            return status == Status.ELIGIBLE;
        }

        /** Counts in the cycle's eligible population: eligible now, or was and has rotated. */
        public boolean countsAsEligible() {
            return status == Status.ELIGIBLE || rule == Rule.ROTATED_THIS_CYCLE;
        }
    }

    private Eligibility() {
    }

    public static Decision decide(Facts teacher, RotationPolicy policy, int cycle) {
        LocalDate start = policy.cycleStart(cycle);
        if (teacher.status() == TeacherStatus.LEAVE) {
            return new Decision(Status.EXEMPT, Rule.ON_LEAVE, "on leave");
        }
        int retirementAge = teacher.gender() == Gender.MALE ? policy.retirementAgeMale() : policy.retirementAgeFemale();
        LocalDate retirement = StatutoryRetirement.day(teacher.gender(), teacher.birthDate(), retirementAge);
        if (start.plusYears(policy.retirementExemptYears()).isAfter(retirement)) {
            // The year alone: the day would give away the birth date, which not every reader of a roster may see.
            return new Decision(Status.EXEMPT, Rule.NEAR_RETIREMENT, "retires in " + retirement.getYear() + ", within "
                    + policy.retirementExemptYears() + " years of the cycle's start");
        }
        // The tenure clock (years and leadership terms alike) restarts when a full-time rotation was completed.
        boolean returned = teacher.returnedFromRotationOn() != null
                && teacher.returnedFromRotationOn().isAfter(teacher.joinedSchoolOn())
                && !teacher.returnedFromRotationOn().isAfter(start);
        LocalDate since = returned ? teacher.returnedFromRotationOn() : teacher.joinedSchoolOn();
        List<LeadershipTerm> served = consecutiveTermsServed(teacher, since, start);
        if (served.size() >= 2) {
            if (teacher.rotatedThisCycle()) {
                return new Decision(Status.EXEMPT, Rule.ROTATED_THIS_CYCLE, "has rotated in cycle " + cycle);
            }
            return new Decision(Status.ELIGIBLE, Rule.TWO_TERMS, "served " + served.size() + " consecutive terms as "
                    + teacher.position() + " at the current school by " + start + " (" + served.get(0).start() + " to "
                    + served.get(served.size() - 1).end() + ")");
        }
        int years = since.isAfter(start) ? 0 : Period.between(since, start).getYears();
        String counted = years + " years at the current school on " + start
                + (returned ? " since returning from a full-time rotation on " + since : "");
        boolean longEnough = years >= policy.minYearsAtSchool();
        if (longEnough && teacher.rotatedThisCycle()) {
            return new Decision(Status.EXEMPT, Rule.ROTATED_THIS_CYCLE, "has rotated in cycle " + cycle);
        }
        if (longEnough) {
            return new Decision(Status.ELIGIBLE, Rule.YEARS_AT_SCHOOL, counted + " (at least "
                    + policy.minYearsAtSchool() + ")");
        }
        return new Decision(Status.NOT_YET, Rule.YEARS_AT_SCHOOL, counted + ", fewer than " + policy.minYearsAtSchool());
    }

    /**
     * The unbroken run of terms begun on or after {@code since} and ended by {@code day}, latest last; empty for a
     * teacher who leads no school.
     */
    static List<LeadershipTerm> consecutiveTermsServed(Facts teacher, LocalDate since, LocalDate day) {
        if (teacher.position() == null || teacher.leadershipTerms() == null) {
            return List.of();
        }
        List<LeadershipTerm> ended = teacher.leadershipTerms().stream()
                .filter(t -> !t.start().isBefore(since) && t.end() != null && !t.end().isAfter(day)).toList();
        if (ended.isEmpty()) {
            return List.of();
        }
        int first = ended.size() - 1;
        while (first > 0 && !ended.get(first).start().isAfter(ended.get(first - 1).end().plusDays(CONSECUTIVE_GAP_DAYS))) {
            first--;
        }
        return ended.subList(first, ended.size());
    }
}
