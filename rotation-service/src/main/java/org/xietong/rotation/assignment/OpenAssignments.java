package org.xietong.rotation.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.Set;

/** The teachers an open assignment holds: no run proposes them again and they are no longer free supply. */
@ApplicationScoped
public class OpenAssignments {

    private final EntityManager em;

    public OpenAssignments(EntityManager em) {
        this.em = em;
    }

    public Set<Long> teacherIds() {
        return new HashSet<>(em.createQuery("select a.teacherId from Assignment a where a.status in :open", Long.class)
                .setParameter("open", AssignmentStatus.OPEN).getResultList());
    }
}
