package org.xietong.rotation.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherRepository;
import org.xietong.platform.security.Purpose;

import java.util.List;

@Path("/api/v1/rotation/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "Who must rotate in a cycle, and the rule that decided it")
public class EligibilityResource {

    public record EligibilityView(long teacherId, String staffNumber, String name, String schoolCode, String regionCode,
                                  Eligibility.Status status, Eligibility.Rule rule, String detail) {
    }

    private final EligibilityRoster roster;
    private final PolicyService policies;
    private final TeacherRepository teachers;
    private final Caller caller;

    public EligibilityResource(EligibilityRoster roster, PolicyService policies, TeacherRepository teachers, Caller caller) {
        this.roster = roster;
        this.policies = policies;
        this.teachers = teachers;
        this.caller = caller;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @Operation(summary = "Teachers of a region in your scope with their eligibility in a cycle (ELIGIBLE, EXEMPT, "
            + "NOT_YET) and the rule that decided it; filter by status")
    public Page<EligibilityView> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String region,
            @QueryParam("cycle") @NotNull @Min(2000) @Max(2100) Integer cycle,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.scope().requireReadable(caller.scope().covers(region), "region " + region);
        policies.requireCycle(policies.effective(region).policy(), cycle);
        Eligibility.Status wanted = QueryParams.enumOf(Eligibility.Status.class, status, "status");
        List<Teacher> inRegion = teachers.inRegionOrSchools(RegionCode.scopePrefix(region), List.of()).stream().filter(t -> caller.scope().coversSchool(t.regionCode, t.schoolCode)).toList();
        List<EligibilityView> all = roster.decide(inRegion, cycle).stream()
                .filter(e -> wanted == null || e.decision().status() == wanted)
                .map(e -> new EligibilityView(e.teacher().id, e.teacher().staffNumber, e.teacher().name,
                        e.teacher().schoolCode, e.teacher().regionCode, e.decision().status(), e.decision().rule(),
                        e.decision().detail())).toList();
        int from = (int) Math.min(all.size(), (long) page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }
}
