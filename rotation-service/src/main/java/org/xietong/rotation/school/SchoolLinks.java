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
        StoredSchoolLink.delete("sourceId", sourceId);
        List<String> members = schools.stream().distinct().sorted().toList();
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                StoredSchoolLink link = new StoredSchoolLink();
                link.sourceId = sourceId;
                link.kind = kind;
                link.schoolA = members.get(i);
                link.schoolB = members.get(j);
                link.persist();
            }
        }
    }

    /** Every linked pair of schools. */
    public Set<SchoolLink> all() {
        return new HashSet<>(em.createQuery("select distinct l.schoolA, l.schoolB from StoredSchoolLink l", SchoolLink.class)
                .getResultList());
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
        List<SchoolLink> links = em.createQuery("select l.schoolA, l.schoolB from StoredSchoolLink l "
                + "where l.schoolA in :schools or l.schoolB in :schools", SchoolLink.class)
                .setParameter("schools", new ArrayList<>(schools)).getResultList();
        for (SchoolLink link : links) {
            partners.computeIfAbsent(link.first(), k -> new TreeSet<>()).add(link.second());
            partners.computeIfAbsent(link.second(), k -> new TreeSet<>()).add(link.first());
        }
        return partners;
    }

    public boolean linked(String a, String b) {
        SchoolLink link = SchoolLink.of(a, b);
        return StoredSchoolLink.count("schoolA = ?1 and schoolB = ?2", link.first(), link.second()) > 0;
    }
}
