package org.xietong.rotation.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.rotation.teacher.Gender;
import org.xietong.rotation.teacher.TeacherStatus;

import java.time.LocalDate;
import java.time.Period;

/**
 * Whether a teacher must rotate in a cycle, and the rule that decided it. Rules apply in order: on leave, near
 * statutory retirement (by birth cohort) and already rotated this cycle exempt; otherwise the years at the current
 * school, counted on the cycle's first day, make a teacher eligible or not yet. A completed full-time rotation
 * restarts that count: the years run from the teacher's return.
 */
public final class Eligibility {

    @Schema(name = "EligibilityStatus")
    public enum Status { ELIGIBLE, EXEMPT, NOT_YET }

    @Schema(name = "EligibilityRule")
    public enum Rule { ON_LEAVE, NEAR_RETIREMENT, ROTATED_THIS_CYCLE, YEARS_AT_SCHOOL }

    /** {@code returnedFromRotationOn}: the end of the teacher's last completed full-time rotation, or null. */
    public record Facts(TeacherStatus status, Gender gender, LocalDate birthDate, LocalDate joinedSchoolOn,
                        boolean rotatedThisCycle, LocalDate returnedFromRotationOn) {
    }

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
        LocalDate retirement = StatutoryRetirement.day(teacher.birthDate(), retirementAge);
        if (start.plusYears(policy.retirementExemptYears()).isAfter(retirement)) {
            return new Decision(Status.EXEMPT, Rule.NEAR_RETIREMENT, "retires on " + retirement + ", within "
                    + policy.retirementExemptYears() + " years of the cycle's start");
        }
        boolean returned = teacher.returnedFromRotationOn() != null
                && teacher.returnedFromRotationOn().isAfter(teacher.joinedSchoolOn())
                && !teacher.returnedFromRotationOn().isAfter(start);
        LocalDate since = returned ? teacher.returnedFromRotationOn() : teacher.joinedSchoolOn();
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
}
