package org.xietong.rotation.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.rotation.teacher.Teacher;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides eligibility for many teachers at once, each under the policy of their school's region. */
@ApplicationScoped
public class EligibilityRoster {

    public record Entry(Teacher teacher, Eligibility.Decision decision) {
    }

    private final PolicyService policies;
    private final EntityManager em;

    public EligibilityRoster(PolicyService policies, EntityManager em) {
        this.policies = policies;
        this.em = em;
    }

    public List<Entry> decide(List<Teacher> teachers, int cycle) {
        Map<String, RotationPolicy> byRegion = new HashMap<>();
        Set<Long> rotated = rotatedIn(teachers, cycle, byRegion);
        List<Entry> entries = new ArrayList<>(teachers.size());
        for (Teacher t : teachers) {
            RotationPolicy policy = policyOf(t.regionCode, byRegion);
            entries.add(new Entry(t, Eligibility.decide(new Eligibility.Facts(t.status, t.gender, t.birthDate,
                    t.joinedSchoolOn, rotated.contains(t.id)), policy, cycle)));
        }
        return entries;
    }

    public RotationPolicy policyOf(String regionCode, Map<String, RotationPolicy> cache) {
        return cache.computeIfAbsent(regionCode, code -> policies.effective(code).policy());
    }

    /** Teachers with a rotation (shadowing is learning, not rotation) confirmed or later, starting in their cycle. */
    private Set<Long> rotatedIn(List<Teacher> teachers, int cycle, Map<String, RotationPolicy> byRegion) {
        Set<Long> rotated = new HashSet<>();
        if (teachers.isEmpty()) {
            return rotated;
        }
        Map<Long, Teacher> byId = new HashMap<>();
        teachers.forEach(t -> byId.put(t.id, t));
        LocalDate from = LocalDate.of(cycle, 9, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT teacher_id, start_date FROM assignment WHERE status IN "
                        + "('CONFIRMED', 'IN_SERVICE', 'COMPLETED', 'EVALUATED') AND mode <> 'SHADOWING' AND start_date >= ?1")
                .setParameter(1, Date.valueOf(from)).getResultList();
        for (Object[] row : rows) {
            Teacher t = byId.get(((Number) row[0]).longValue());
            if (t == null) {
                continue;
            }
            LocalDate start = row[1] instanceof Date d ? d.toLocalDate() : (LocalDate) row[1];
            if (!start.isAfter(policyOf(t.regionCode, byRegion).cycleEnd(cycle))) {
                rotated.add(t.id);
            }
        }
        return rotated;
    }
}
