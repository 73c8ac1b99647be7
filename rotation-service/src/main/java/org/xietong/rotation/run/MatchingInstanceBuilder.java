package org.xietong.rotation.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.rotation.assignment.OpenAssignments;
import org.xietong.rotation.matching.MatchingPost;
import org.xietong.rotation.matching.MatchingInstance;
import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingTeacher;
import org.xietong.rotation.policy.EligibilityRoster;
import org.xietong.rotation.policy.RotationPolicy;
import org.xietong.rotation.post.DemandPost;
import org.xietong.rotation.school.SchoolLinks;
import org.xietong.rotation.school.SchoolReplica;
import org.xietong.rotation.school.SchoolReplicaRepository;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherRepository;
import org.xietong.rotation.teacher.TeacherStatus;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers one run's matching instance (what the matcher decides on) from the database: the posts' open seats; the active teachers of the region and of
 * schools linked to a post's school who hold no open assignment, with their eligibility; the outflow cap left per
 * sending school and primary subject this cycle; links, coordinates and ranked preferences.
 */
@ApplicationScoped
public class MatchingInstanceBuilder {

    private final TeacherRepository teachers;
    private final SchoolReplicaRepository schools;
    private final SchoolLinks links;
    private final EligibilityRoster roster;
    private final OpenAssignments openAssignments;
    private final EntityManager em;

    public MatchingInstanceBuilder(TeacherRepository teachers, SchoolReplicaRepository schools, SchoolLinks links,
                          EligibilityRoster roster, OpenAssignments openAssignments, EntityManager em) {
        this.teachers = teachers;
        this.schools = schools;
        this.links = links;
        this.roster = roster;
        this.openAssignments = openAssignments;
        this.em = em;
    }

    /** Open seats per post: {@code posts} with their seats already reduced to what is open. */
    MatchingInstance build(String regionPrefix, int cycle, RotationPolicy regionPolicy, List<DemandPost> posts,
                          Map<Long, Integer> openSeats) {
        Set<String> postSchools = new LinkedHashSet<>();
        List<MatchingPost> open = new ArrayList<>();
        for (DemandPost p : posts) {
            int seats = openSeats.getOrDefault(p.id, 0);
            if (seats > 0) {
                postSchools.add(p.schoolCode);
                open.add(new MatchingPost(p.id, p.schoolCode, p.regionCode, p.subject, p.level, seats, p.mode,
                        p.minTitle, p.minBackbone, p.preferredTagSet()));
            }
        }
        Set<String> partners = links.partnersOf(postSchools);
        List<Teacher> pool = teachers.inRegionOrSchools(regionPrefix, partners);
        Set<Long> busy = openAssignments.teacherIds();
        Map<CapKey, Integer> caps = caps(pool, cycle, regionPolicy.cycleEnd(cycle));
        List<Teacher> candidates = pool.stream()
                .filter(t -> t.status == TeacherStatus.ACTIVE && !busy.contains(t.id)).toList();
        List<MatchingTeacher> matchingTeachers = new ArrayList<>();
        for (EligibilityRoster.Entry e : roster.decide(candidates, cycle)) {
            Teacher t = e.teacher();
            matchingTeachers.add(new MatchingTeacher(t.id, t.schoolCode, t.regionCode, t.subjectList(), t.level,
                    t.title, t.backbone, t.cadre, t.tagSet(), t.joinedSchoolOn, e.decision().eligible()));
        }
        Set<String> involved = new HashSet<>(postSchools);
        candidates.forEach(t -> involved.add(t.schoolCode));
        Map<String, GeoPoint> locations = new HashMap<>();
        for (SchoolReplica s : schools.list("code in ?1", List.copyOf(involved))) {
            if (s.latitude != null && s.longitude != null) {
                locations.put(s.code, new GeoPoint(s.latitude, s.longitude));
            }
        }
        return new MatchingInstance(matchingTeachers, open, caps, links.all(), locations,
                preferences(open.stream().map(MatchingPost::id).toList()), regionPolicy.crossDistrictLinkedOnly(),
                regionPolicy.weights());
    }

    /**
     * The cap of each school and primary subject under the school's own policy (active teachers counted), less the
     * teachers of that group already sent in this cycle (assignments neither declined nor rejected that start in it).
     */
    private Map<CapKey, Integer> caps(List<Teacher> pool, int cycle, LocalDate cycleEnd) {
        Set<String> schoolCodes = new HashSet<>();
        pool.forEach(t -> schoolCodes.add(t.schoolCode));
        if (schoolCodes.isEmpty()) {
            return Map.of();
        }
        List<Teacher> staff = teachers.list("schoolCode in ?1 and status = ?2", List.copyOf(schoolCodes), TeacherStatus.ACTIVE);
        Map<CapKey, Integer> counts = new HashMap<>();
        Map<CapKey, String> regionOf = new HashMap<>();
        for (Teacher t : staff) {
            CapKey key = new CapKey(t.schoolCode, t.subjectList().get(0));
            counts.merge(key, 1, Integer::sum);
            regionOf.put(key, t.regionCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> sent = em.createNativeQuery("SELECT t.school_code, t.subjects[1], count(*) FROM assignment a "
                        + "JOIN teacher t ON t.id = a.teacher_id WHERE a.status NOT IN ('DECLINED', 'REJECTED') "
                        + "AND a.start_date BETWEEN ?1 AND ?3 AND a.from_school = t.school_code AND t.school_code IN (?2) "
                        + "GROUP BY t.school_code, t.subjects[1]")
                .setParameter(1, Date.valueOf(LocalDate.of(cycle, 9, 1)))
                .setParameter(2, List.copyOf(schoolCodes)).setParameter(3, Date.valueOf(cycleEnd)).getResultList();
        Map<CapKey, Integer> used = new HashMap<>();
        for (Object[] row : sent) {
            used.put(new CapKey((String) row[0], Subject.valueOf((String) row[1])), ((Number) row[2]).intValue());
        }
        Map<String, RotationPolicy> policies = new HashMap<>();
        Map<CapKey, Integer> caps = new HashMap<>();
        counts.forEach((key, count) -> {
            RotationPolicy policy = roster.policyOf(regionOf.get(key), policies);
            caps.put(key, Math.max(0, policy.outflowCap(count) - used.getOrDefault(key, 0)));
        });
        return caps;
    }

    /** Whole ranked lists, so a rank keeps its points when some ranked posts are not in this run. */
    private Map<Long, List<Long>> preferences(List<Long> postIds) {
        Map<Long, List<Long>> ranked = new HashMap<>();
        if (postIds.isEmpty()) {
            return ranked;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT teacher_id, post_id FROM teacher_preference WHERE teacher_id IN "
                + "(SELECT teacher_id FROM teacher_preference WHERE post_id IN (?1)) ORDER BY teacher_id, rank")
                .setParameter(1, postIds).getResultList();
        for (Object[] row : rows) {
            ranked.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(((Number) row[1]).longValue());
        }
        return ranked;
    }
}
