package org.xietong.rotation.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.rotation.assignment.OpenAssignments;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matching runs serialised per region, with transaction-scoped advisory locks: a run waits only for runs whose
 * posts it may share (its own region, a region inside it or one containing it), so Chaoyang's run never waits for
 * Hulunbuir's. A run holds its region exclusively and the regions containing it shared, always taken from the
 * province down, so two runs never wait for each other in a cycle.
 */
@ApplicationScoped
public class MatchingRunLocks {

    private static final String RUNS = "rotation.matching-run";
    private static final String TEACHERS = "rotation.matching-teacher";

    private final EntityManager em;
    private final OpenAssignments openAssignments;

    public MatchingRunLocks(EntityManager em, OpenAssignments openAssignments) {
        this.em = em;
        this.openAssignments = openAssignments;
    }

    /** Waits until no run of {@code region}, inside it or containing it is under way; held until the transaction ends. */
    public void lockRegion(String region) {
        for (String outer : containing(region)) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(hashtext(?1), ?2)) l")
                    .setParameter(1, RUNS).setParameter(2, Integer.parseInt(outer)).getSingleResult();
        }
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1), ?2)) l")
                .setParameter(1, RUNS).setParameter(2, Integer.parseInt(region)).getSingleResult();
    }

    /**
     * Claims the teachers a run proposes, which runs of other regions may also propose through paired schools:
     * waits for any run holding one of them, then answers those that a run has meanwhile proposed.
     */
    public Set<Long> claimTeachers(Collection<Long> teacherIds) {
        Set<Long> ordered = new TreeSet<>(teacherIds);
        for (Long id : ordered) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1), ?2)) l")
                    .setParameter(1, TEACHERS).setParameter(2, (int) (id ^ (id >>> 32))).getSingleResult();
        }
        Set<Long> taken = new TreeSet<>(openAssignments.teacherIds());
        taken.retainAll(ordered);
        return taken;
    }

    /** The province and city containing a region, outermost first: none for a province. */
    static List<String> containing(String region) {
        String province = region.substring(0, 2) + "0000";
        String city = region.substring(0, 4) + "00";
        if (region.equals(province)) {
            return List.of();
        }
        return region.equals(city) ? List.of(province) : List.of(province, city);
    }
}
