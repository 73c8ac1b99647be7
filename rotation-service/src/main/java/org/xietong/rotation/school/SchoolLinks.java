package org.xietong.rotation.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.rotation.matching.MatchingInstance.SchoolLink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which schools are linked by an active pairing or a shared alliance, as pairing-service's events say. Each source
 * (a pairing or alliance id) owns its rows, so a source's change replaces exactly its own links.
 */
@ApplicationScoped
public class SchoolLinks {

    public enum Kind { PAIRING, ALLIANCE }

    private final EntityManager em;

    public SchoolLinks(EntityManager em) {
        this.em = em;
    }

    /** Within the caller's transaction: the links {@code sourceId} now stands for (none removes them all). */
    void replace(String sourceId, Kind kind, Collection<String> schools) {
        em.createNativeQuery("DELETE FROM school_link WHERE source_id = ?1").setParameter(1, sourceId).executeUpdate();
        List<String> members = schools.stream().distinct().sorted().toList();
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                em.createNativeQuery("INSERT INTO school_link (source_id, kind, school_a, school_b) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, sourceId).setParameter(2, kind.name())
                        .setParameter(3, members.get(i)).setParameter(4, members.get(j)).executeUpdate();
            }
        }
    }

    /** Every linked pair of schools. */
    public Set<SchoolLink> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT school_a, school_b FROM school_link").getResultList();
        Set<SchoolLink> links = new HashSet<>();
        for (Object[] row : rows) {
            links.add(new SchoolLink((String) row[0], (String) row[1]));
        }
        return links;
    }

    /** The schools linked to any of {@code schools}. */
    public Set<String> partnersOf(Collection<String> schools) {
        Set<String> partners = new HashSet<>();
        partnersBySchool(schools).forEach((school, linked) -> {
            if (schools.contains(school)) {
                partners.addAll(linked);
            }
        });
        return partners;
    }

    /** Each of {@code schools} to the schools linked to it. */
    public Map<String, Set<String>> partnersBySchool(Collection<String> schools) {
        Map<String, Set<String>> partners = new HashMap<>();
        if (schools.isEmpty()) {
            return partners;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT school_a, school_b FROM school_link WHERE school_a IN (?1) "
                + "OR school_b IN (?1)").setParameter(1, new ArrayList<>(schools)).getResultList();
        for (Object[] row : rows) {
            partners.computeIfAbsent((String) row[0], k -> new TreeSet<>()).add((String) row[1]);
            partners.computeIfAbsent((String) row[1], k -> new TreeSet<>()).add((String) row[0]);
        }
        return partners;
    }

    public boolean linked(String a, String b) {
        SchoolLink link = SchoolLink.of(a, b);
        return !em.createNativeQuery("SELECT 1 FROM school_link WHERE school_a = ?1 AND school_b = ?2")
                .setParameter(1, link.first()).setParameter(2, link.second()).setMaxResults(1).getResultList().isEmpty();
    }
}
