package org.xietong.rotation.policy;

import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherRepository;

import java.util.List;

/** The eligibility roster of a region as the caller may see it: only teachers of schools in their scope. */
@ApplicationScoped
public class EligibilityService {

    public record EligibilityView(long teacherId, String staffNumber, String name, String schoolCode, String regionCode,
                                  Eligibility.Status status, Eligibility.Rule rule, String detail) {
    }

    private final EligibilityRoster roster;
    private final PolicyService policies;
    private final TeacherRepository teachers;
    private final Caller caller;

    public EligibilityService(EligibilityRoster roster, PolicyService policies, TeacherRepository teachers,
                              Caller caller) {
        this.roster = roster;
        this.policies = policies;
        this.teachers = teachers;
        this.caller = caller;
    }

    /**
     * A page of the region's teachers in the caller's scope with their decision in {@code cycle}, those with
     * {@code status} only if given. The region and the cycle are checked before the status.
     */
    public Page<EligibilityView> list(String region, int cycle, String status, int page, int size) {
        List<EligibilityView> all = all(region, cycle, status);
        int from = (int) Math.min(all.size(), (long) page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    /** The most teachers one roster decides: a county's or a city's, not a province's hundreds of thousands. */
    public static final int ROSTER_LIMIT = 100_000;

    /**
     * The whole roster of {@link #list}, for a spreadsheet; a region of more than {@link #ROSTER_LIMIT} teachers is
     * refused (400, like a too-wide listing) before any is read, so one request never decides a province in memory.
     */
    public List<EligibilityView> all(String region, int cycle, String status) {
        caller.scope().requireReadable(caller.scope().covers(region), "region " + region);
        policies.forCycle(region, cycle);
        Eligibility.Status wanted = QueryParams.enumOf(Eligibility.Status.class, status, "status");
        long count = teachers.count("regionCode like ?1", RegionCode.scopePrefix(region) + "%");
        if (count > ROSTER_LIMIT) {
            throw ProblemException.badRequest("roster-too-wide", "Too many teachers for one roster", count
                    + " teachers are registered in " + region + "; a roster holds at most " + ROSTER_LIMIT
                    + ": ask for a city or a district");
        }
        List<Teacher> inRegion = teachers.inRegionOrSchools(RegionCode.scopePrefix(region), List.of()).stream()
                .filter(t -> caller.scope().coversSchool(t.regionCode, t.schoolCode)).toList();
        return roster.decide(inRegion, cycle).stream()
                .filter(e -> wanted == null || e.decision().status() == wanted)
                .map(e -> new EligibilityView(e.teacher().id, e.teacher().staffNumber, e.teacher().name,
                        e.teacher().schoolCode, e.teacher().regionCode, e.decision().status(), e.decision().rule(),
                        e.decision().detail())).toList();
    }
}
