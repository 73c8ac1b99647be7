package org.xietong.rotation.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.assignment.AssignmentService;
import org.xietong.rotation.matching.Matcher;
import org.xietong.rotation.matching.MatchingInstance;
import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.matching.OptimalMatcher;
import org.xietong.rotation.matching.StableMatcher;
import org.xietong.rotation.policy.RotationPolicy;
import org.xietong.rotation.policy.PolicyService;
import org.xietong.rotation.post.DemandPost;
import org.xietong.rotation.post.PostRepository;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 按岗定人: runs the matcher over a region's dispatched posts and proposes the assignments it finds. */
@ApplicationScoped
public class MatchingRunService {

    private final MatchingInstanceBuilder instances;
    private final PolicyService policies;
    private final PostRepository posts;
    private final TeacherRepository teachers;
    private final AssignmentService assignments;
    private final Caller caller;
    private final Audit audit;
    private final EntityManager em;
    private final MatchingRunLocks locks;

    public MatchingRunService(MatchingInstanceBuilder instances, PolicyService policies, PostRepository posts,
                              TeacherRepository teachers, AssignmentService assignments, Caller caller, Audit audit,
                              EntityManager em, MatchingRunLocks locks) {
        this.instances = instances;
        this.policies = policies;
        this.posts = posts;
        this.teachers = teachers;
        this.assignments = assignments;
        this.caller = caller;
        this.audit = audit;
        this.em = em;
        this.locks = locks;
    }

    @Transactional
    public RunView run(RunRequest request) {
        String region = request.regionCode();
        caller.scope().requireWritable(caller.scope().covers(region) && caller.scope().school().isEmpty(),
                "region " + region);
        int cycle = request.cycle();
        RotationPolicy policy = policies.forCycle(region, cycle).policy();
        // One run of a region at a time: two runs must not offer the same open seat or teacher.
        locks.lockRegion(region);
        List<DemandPost> candidates = selectPosts(RegionCode.scopePrefix(region), policy, cycle, request.postIds());
        Map<Long, Integer> taken = posts.seatsTaken(candidates.stream().map(p -> p.id).toList());
        Map<Long, Integer> open = new HashMap<>();
        candidates.forEach(p -> open.put(p.id, p.seats - taken.getOrDefault(p.id, 0)));
        MatchingInstance instance = instances.build(RegionCode.scopePrefix(region), cycle, policy, candidates, open);
        Matcher matcher = request.modeOrOptimal() == MatchingRun.Mode.STABLE ? new StableMatcher() : new OptimalMatcher();
        MatchingResult result = matcher.match(instance);
        if (!request.dryRun()) {
            Set<Long> proposedMeanwhile = locks.claimTeachers(result.proposals().stream().map(MatchingResult.Proposal::teacherId).toList());
            if (!proposedMeanwhile.isEmpty()) {
                throw ProblemException.conflict("teachers-proposed-meanwhile", "Teachers proposed meanwhile",
                        proposedMeanwhile.size() + " of the teachers this run proposes were proposed meanwhile by a run of another "
                                + "region (through paired schools); nothing of this run was kept: run it again");
            }
        }

        MatchingRun run = new MatchingRun();
        run.id = UUID.randomUUID();
        run.regionCode = region;
        run.cycle = cycle;
        run.mode = request.modeOrOptimal();
        run.dryRun = request.dryRun();
        run.solver = result.solver();
        run.teachers = instance.teachers().size();
        run.posts = instance.posts().size();
        run.seatsOffered = result.seatsOffered();
        run.seatsFilled = result.seatsFilled();
        run.totalPoints = result.totalPoints();
        run.solveMillis = result.solveMillis();
        run.provenOptimal = result.provenOptimal();
        run.unfilled = result.unfilled();
        run.createdBy = caller.username();
        run.proposals = List.of();
        run.persist();
        em.flush();

        Map<Long, DemandPost> postById = candidates.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<Long, Teacher> teacherById = teachersOf(result);
        List<RunView.ProposalView> proposals = new ArrayList<>();
        for (MatchingResult.Proposal proposal : result.proposals()) {
            Teacher teacher = teacherById.get(proposal.teacherId());
            DemandPost post = postById.get(proposal.postId());
            UUID assignmentId = request.dryRun() ? null : assignments.propose(run.id, teacher, post, proposal).id;
            proposals.add(new RunView.ProposalView(assignmentId, teacher.id, teacher.staffNumber, teacher.name, post.id,
                    post.mode, proposal.slot(), teacher.schoolCode, post.schoolCode, proposal.points()));
        }
        run.proposals = proposals;
        audit.record(caller.actor(), "matching-run.completed", "matching-run", run.id.toString(), List.of(region),
                Map.of("cycle", cycle, "mode", run.mode, "dryRun", run.dryRun, "seatsOffered", run.seatsOffered,
                        "seatsFilled", run.seatsFilled, "totalPoints", run.totalPoints, "provenOptimal", run.provenOptimal));
        return RunView.of(run);
    }

    public RunView get(UUID id) {
        MatchingRun run = MatchingRun.findById(id);
        caller.scope().requireReadable(run != null && caller.scope().covers(run.regionCode)
                && (caller.hasRole("education-officer") || caller.hasRole(Caller.PLATFORM_ADMIN)), "matching run");
        return RunView.of(run);
    }

    /** The region's dispatched posts whose term starts in the cycle, or those of them asked for. */
    private List<DemandPost> selectPosts(String regionPrefix, RotationPolicy policy, int cycle, List<Long> postIds) {
        List<DemandPost> dispatched = posts.dispatchedIn(regionPrefix, policy.cycleStart(cycle), policy.cycleEnd(cycle));
        if (postIds == null || postIds.isEmpty()) {
            return dispatched;
        }
        Set<Long> wanted = new HashSet<>(postIds);
        List<DemandPost> chosen = dispatched.stream().filter(p -> wanted.contains(p.id)).toList();
        if (chosen.size() != wanted.size()) {
            Set<Long> missing = new HashSet<>(wanted);
            chosen.forEach(p -> missing.remove(p.id));
            throw ProblemException.unprocessable("posts-not-dispatched", "Posts not in this region's dispatched posts",
                    "Post(s) " + missing.stream().sorted().toList() + " are not dispatched posts of this region starting in "
                            + "cycle " + cycle + " (" + policy.cycleStart(cycle) + " to " + policy.cycleEnd(cycle) + ")");
        }
        return chosen;
    }

    private Map<Long, Teacher> teachersOf(MatchingResult result) {
        List<Long> ids = result.proposals().stream().map(MatchingResult.Proposal::teacherId).toList();
        Map<Long, Teacher> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            teachers.list("id in ?1", ids).forEach(t -> byId.put(t.id, t));
        }
        return byId;
    }
}
