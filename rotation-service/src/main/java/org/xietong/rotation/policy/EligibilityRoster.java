package org.xietong.rotation.policy;

import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.rotation.assignment.Assignment;
import org.xietong.rotation.assignment.AssignmentStatus;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.Teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides eligibility for many teachers at once, each under the policy of their school's region in force for the cycle. */
@ApplicationScoped
public class EligibilityRoster {

    public record Entry(Teacher teacher, Eligibility.Decision decision) {
    }

    /** When a teacher's rotation starts (an assignment projected). */
    public record RotationStart(long teacherId, LocalDate startDate) {
    }

    /** A completed rotation's term (an assignment projected): it ended on endedOn, else after its months. */
    public record CompletedRotation(long teacherId, LocalDate startDate, int months, LocalDate endedOn) {

        LocalDate end() {
            return endedOn != null ? endedOn : startDate.plusMonths(months);
        }
    }

    private final PolicyService policies;

    public EligibilityRoster(PolicyService policies) {
        this.policies = policies;
    }

    public List<Entry> decide(List<Teacher> teachers, int cycle) {
        Map<String, RotationPolicy> byRegion = new HashMap<>();
        Set<Long> rotated = rotatedIn(teachers, cycle, byRegion);
        Map<Long, LocalDate> returned = returnedBefore(teachers, LocalDate.of(cycle, 9, 1));
        List<Entry> entries = new ArrayList<>(teachers.size());
        for (Teacher t : teachers) {
            RotationPolicy policy = policyOf(t.regionCode, cycle, byRegion);
            entries.add(new Entry(t, Eligibility.decide(new Eligibility.Facts(t.status, t.gender, t.birthDate,
                    t.joinedSchoolOn, rotated.contains(t.id), returned.get(t.id), t.position, t.leadershipTerms), policy,
                    cycle)));
        }
        return entries;
    }

    /** The end of each teacher's last full-time rotation completed by {@code day}: their tenure restarts then. */
    private static Map<Long, LocalDate> returnedBefore(List<Teacher> teachers, LocalDate day) {
        Map<Long, LocalDate> returned = new HashMap<>();
        if (teachers.isEmpty()) {
            return returned;
        }
        Set<Long> ids = new HashSet<>();
        teachers.forEach(t -> ids.add(t.id));
        List<CompletedRotation> completed = Assignment.find("status in ?1 and mode = ?2 and startDate < ?3",
                        List.of(AssignmentStatus.COMPLETED, AssignmentStatus.EVALUATED), PostMode.FULL_TIME, day)
                .project(CompletedRotation.class).list();
        for (CompletedRotation rotation : completed) {
            if (ids.contains(rotation.teacherId()) && !rotation.end().isAfter(day)) {
                returned.merge(rotation.teacherId(), rotation.end(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return returned;
    }

    /** The policy the region's teachers are decided under in {@code cycle}: the one in force on its first day. */
    public RotationPolicy policyOf(String regionCode, int cycle, Map<String, RotationPolicy> cache) {
        return cache.computeIfAbsent(regionCode, code -> policies.effective(code, LocalDate.of(cycle, 9, 1)).policy());
    }

    /** Teachers with a rotation (shadowing is learning, not rotation) confirmed or later, starting in their cycle. */
    private Set<Long> rotatedIn(List<Teacher> teachers, int cycle, Map<String, RotationPolicy> byRegion) {
        Set<Long> rotated = new HashSet<>();
        if (teachers.isEmpty()) {
            return rotated;
        }
        Map<Long, Teacher> byId = new HashMap<>();
        teachers.forEach(t -> byId.put(t.id, t));
        List<RotationStart> starts = Assignment.find("status in ?1 and mode <> ?2 and startDate >= ?3",
                AssignmentStatus.ROTATED, PostMode.SHADOWING, LocalDate.of(cycle, 9, 1)).project(RotationStart.class).list();
        for (RotationStart rotation : starts) {
            Teacher t = byId.get(rotation.teacherId());
            if (t == null) {
                continue;
            }
            if (!rotation.startDate().isAfter(policyOf(t.regionCode, cycle, byRegion).cycleEnd(cycle))) {
                rotated.add(t.id);
            }
        }
        return rotated;
    }
}
