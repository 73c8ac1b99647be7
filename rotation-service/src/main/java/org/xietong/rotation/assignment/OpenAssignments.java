package org.xietong.rotation.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The teachers an open assignment holds: no run proposes them again and they are no longer free supply. */
@ApplicationScoped
public class OpenAssignments {

    private final EntityManager em;

    public OpenAssignments(EntityManager em) {
        this.em = em;
    }

    public Set<Long> teacherIds() {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT teacher_id FROM assignment WHERE status IN "
                + "('PROPOSED', 'ACCEPTED', 'CONFIRMED', 'IN_SERVICE')").getResultList();
        Set<Long> ids = new HashSet<>();
        rows.forEach(n -> ids.add(n.longValue()));
        return ids;
    }
}
