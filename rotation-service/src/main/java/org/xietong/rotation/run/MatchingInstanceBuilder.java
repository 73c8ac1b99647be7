package org.xietong.rotation.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.rotation.assignment.AssignmentStatus;
import org.xietong.rotation.assignment.OpenAssignments;
import org.xietong.rotation.matching.MatchingPost;
import org.xietong.rotation.matching.MatchingInstance;
import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingTeacher;
import org.xietong.rotation.policy.EligibilityRoster;
import org.xietong.rotation.policy.RotationPolicy;
import org.xietong.rotation.post.DemandPost;
import org.xietong.rotation.preference.TeacherPreference.RankedPost;
import org.xietong.rotation.school.SchoolLinks;
import org.xietong.rotation.school.SchoolReplica;
import org.xietong.rotation.school.SchoolReplicaRepository;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherRepository;
import org.xietong.rotation.teacher.TeacherStatus;

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

    /** A teacher an assignment sent from their school, with their subjects (primary first). */
    public record SentTeacher(String schoolCode, String[] subjects) {
    }

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
        List<SentTeacher> sent = em.createQuery("select t.schoolCode, t.subjects from Assignment a join Teacher t "
                        + "on t.id = a.teacherId where a.status not in :released and a.startDate between :from and :to "
                        + "and a.fromSchool = t.schoolCode and t.schoolCode in :schools", SentTeacher.class)
                .setParameter("released", AssignmentStatus.RELEASED).setParameter("from", LocalDate.of(cycle, 9, 1))
                .setParameter("to", cycleEnd).setParameter("schools", List.copyOf(schoolCodes)).getResultList();
        Map<CapKey, Integer> used = new HashMap<>();
        for (SentTeacher teacher : sent) {
            used.merge(new CapKey(teacher.schoolCode(), Subject.valueOf(teacher.subjects()[0])), 1, Integer::sum);
        }
        Map<String, RotationPolicy> policies = new HashMap<>();
        Map<CapKey, Integer> caps = new HashMap<>();
        counts.forEach((key, count) -> {
            RotationPolicy policy = roster.policyOf(regionOf.get(key), cycle, policies);
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
        List<RankedPost> rankings = em.createQuery("select p.teacherId, p.postId from TeacherPreference p where p.teacherId in "
                        + "(select q.teacherId from TeacherPreference q where q.postId in :posts) order by p.teacherId, p.rank",
                RankedPost.class).setParameter("posts", postIds).getResultList();
        for (RankedPost rank : rankings) {
            ranked.computeIfAbsent(rank.teacherId(), k -> new ArrayList<>()).add(rank.postId());
        }
        return ranked;
    }
}
