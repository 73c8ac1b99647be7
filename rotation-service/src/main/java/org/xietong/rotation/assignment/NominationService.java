package org.xietong.rotation.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.matching.CompatibilityRules;
import org.xietong.rotation.matching.MatchingPost;
import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.matching.MatchingTeacher;
import org.xietong.rotation.post.DemandPost;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.post.PostRepository;
import org.xietong.rotation.post.PostStatus;
import org.xietong.rotation.run.MatchingRunLocks;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherAccess;
import org.xietong.rotation.teacher.TeacherRepository;
import org.xietong.rotation.teacher.TeacherStatus;

import java.util.EnumSet;
import java.util.List;

/**
 * Organisational nomination (组织选派): an officer of the teacher's region names a teacher for a secondment (挂职) or
 * team-aid (组团式帮扶) place directly. Such places are not subject to the years-at-school rule or a matching run,
 * but to the rules about the teacher and the post (school level, subject, cadre, title, backbone level, not their own
 * school); the assignment is then proposed and goes through the same acceptance and both districts' confirmations.
 */
@ApplicationScoped
public class NominationService {

    /** The places filled by nomination. */
    static final EnumSet<PostMode> NOMINATED = EnumSet.of(PostMode.SECONDMENT, PostMode.TEAM_AID);

    private final TeacherRepository teachers;
    private final TeacherAccess access;
    private final PostRepository posts;
    private final AssignmentService assignments;
    private final MatchingRunLocks runLocks;
    private final Caller caller;

    public NominationService(TeacherRepository teachers, TeacherAccess access, PostRepository posts,
                             AssignmentService assignments, MatchingRunLocks runLocks, Caller caller) {
        this.teachers = teachers;
        this.access = access;
        this.posts = posts;
        this.assignments = assignments;
        this.runLocks = runLocks;
        this.caller = caller;
    }

    @Transactional
    public AssignmentView nominate(long teacherId, long postId, MatchingResult.Slot slot, String reason) {
        Teacher teacher = access.readable(teachers.findById(teacherId));
        boolean officer = caller.hasRole(TeacherAccess.EDUCATION_OFFICER) || caller.hasRole(Caller.PLATFORM_ADMIN);
        access.scope().requireWritable(officer && access.scope().covers(teacher.regionCode),
                "Nominating teacher " + teacherId + " (an education officer of the teacher's region nominates)");
        if (teacher.status != TeacherStatus.ACTIVE) {
            throw ProblemException.conflict("teacher-not-active", "Teacher " + teacherId + " is " + teacher.status);
        }
        DemandPost post = posts.findById(postId);
        if (post == null) {
            throw ProblemException.unprocessable("unknown-post", "Unknown post", "Post " + postId + " does not exist");
        }
        // Matching runs of the region and other nominations count its free places under this lock, taken before the
        // post's row as a run takes it, so none of them both take the last place and none waits for the other.
        runLocks.lockRegion(post.regionCode);
        posts.getEntityManager().refresh(post, LockModeType.PESSIMISTIC_WRITE);
        if (!NOMINATED.contains(post.mode)) {
            throw ProblemException.unprocessable("not-a-nominated-place", "Not a nominated place",
                    "Post " + postId + " is a " + post.mode + " post, filled through a matching run; only "
                            + NOMINATED + " places are filled by nomination");
        }
        if (post.status != PostStatus.DISPATCHED) {
            throw ProblemException.conflict("post-not-dispatched", "Post " + postId + " is " + post.status
                    + "; only a dispatched post takes nominations");
        }
        int taken = posts.seatsTaken(List.of(post.id)).getOrDefault(post.id, 0);
        if (taken >= post.seats) {
            throw ProblemException.conflict("post-full", "Every place of post " + postId + " is taken");
        }
        MatchingResult.Slot place = slot == null ? MatchingResult.Slot.MEMBER : slot;
        if (place == MatchingResult.Slot.LEADER && (post.mode != PostMode.TEAM_AID || hasLeader(post))) {
            throw ProblemException.conflict("leader-taken", "Post " + postId + (post.mode != PostMode.TEAM_AID
                    ? " is not a team-aid post; only a team has a leader" : " already has its team leader"));
        }
        if (place == MatchingResult.Slot.MEMBER && post.mode == PostMode.TEAM_AID && !hasLeader(post)
                && taken >= post.seats - 1) {
            throw ProblemException.conflict("leader-place-kept", "The last place of team-aid post " + postId
                    + " is kept for its leader; nominate a cadre as LEADER");
        }
        CompatibilityRules.PersonalRule broken = CompatibilityRules.brokenPersonalRule(matching(teacher), matching(post),
                place);
        if (broken != null) {
            throw ProblemException.unprocessable("nomination-rule", "Nomination rule", "Teacher " + teacherId
                    + " cannot take the " + place + " place of post " + postId + ": " + broken.rule());
        }
        if (Assignment.count("teacherId = ?1 and status in ?2", teacher.id, AssignmentStatus.OPEN) > 0) {
            throw ProblemException.conflict("teacher-busy", "Teacher " + teacherId + " already holds an open assignment");
        }
        return AssignmentView.of(assignments.nominate(teacher, post, place, reason));
    }

    /** The teacher as the matching rules see them; nominations skip the years-at-school rule, so eligible. */
    private static MatchingTeacher matching(Teacher t) {
        return new MatchingTeacher(t.id, t.schoolCode, t.regionCode, t.subjectList(), t.level, t.title, t.backbone,
                t.cadre, t.tagSet(), t.joinedSchoolOn, true);
    }

    private static MatchingPost matching(DemandPost p) {
        return new MatchingPost(p.id, p.schoolCode, p.regionCode, p.subject, p.level, p.seats, p.mode, p.minTitle,
                p.minBackbone, p.preferredTagSet());
    }

    private static boolean hasLeader(DemandPost post) {
        return Assignment.count("postId = ?1 and slot = ?2 and status not in ?3", post.id, MatchingResult.Slot.LEADER,
                AssignmentStatus.RELEASED) > 0;
    }
}
