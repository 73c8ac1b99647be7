package org.xietong.rotation.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.post.PostRepository;
import org.xietong.rotation.post.PostStatus;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherAccess;
import org.xietong.rotation.teacher.TeacherRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class PreferenceService {

    private final TeacherRepository teachers;
    private final PostRepository posts;
    private final TeacherAccess access;
    private final Caller caller;
    private final Audit audit;
    private final EntityManager em;

    public PreferenceService(TeacherRepository teachers, PostRepository posts, TeacherAccess access, Caller caller,
                             Audit audit, EntityManager em) {
        this.teachers = teachers;
        this.posts = posts;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.em = em;
    }

    public List<Long> get(long teacherId) {
        access.readable(teachers.findById(teacherId));
        return ranked(teacherId);
    }

    @Transactional
    public List<Long> replace(long teacherId, List<Long> postIds) {
        Teacher teacher = access.readable(teachers.findById(teacherId));
        access.scope().requireWritable(access.isSelf(teacher) || access.manages(teacher), "teacher " + teacherId);
        if (new HashSet<>(postIds).size() != postIds.size()) {
            throw invalid("A post appears twice in the ranking");
        }
        Set<Long> dispatched = new HashSet<>();
        if (!postIds.isEmpty()) {
            posts.list("id in ?1 and status = ?2", postIds, PostStatus.DISPATCHED).forEach(p -> dispatched.add(p.id));
        }
        List<Long> unknown = postIds.stream().filter(id -> !dispatched.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw invalid("Post(s) " + unknown + " are not dispatched posts; only those can be ranked");
        }
        TeacherPreference.delete("teacherId", teacherId);
        for (int i = 0; i < postIds.size(); i++) {
            TeacherPreference preference = new TeacherPreference();
            preference.teacherId = teacherId;
            preference.postId = postIds.get(i);
            preference.rank = i + 1;
            preference.persist();
        }
        audit.record(caller.actor(), "preferences.replaced", "teacher", teacher.staffNumber, List.of(teacher.regionCode),
                Map.of("posts", postIds));
        return ranked(teacherId);
    }

    private List<Long> ranked(long teacherId) {
        return em.createQuery("select p.postId from TeacherPreference p where p.teacherId = :teacher order by p.rank",
                Long.class).setParameter("teacher", teacherId).getResultList();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.unprocessable("invalid-ranking", "Invalid ranking", detail);
    }
}
