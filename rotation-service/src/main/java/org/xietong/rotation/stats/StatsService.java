package org.xietong.rotation.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.assignment.Assignment;
import org.xietong.rotation.assignment.AssignmentStatus;
import org.xietong.rotation.assignment.OpenAssignments;
import org.xietong.rotation.policy.EligibilityRoster;
import org.xietong.rotation.policy.RotationPolicy;
import org.xietong.rotation.policy.PolicyService;
import org.xietong.rotation.post.DemandPost;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.post.PostRepository;
import org.xietong.rotation.post.PostStatus;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherRepository;
import org.xietong.rotation.teacher.TeacherStatus;
import org.xietong.rotation.teacher.TeachingLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The cycle's rotation statistics against the policy targets, and the supply–demand table (供需报表). */
@ApplicationScoped
public class StatsService {

    @Schema(name = "RotationTargets")
    public record Targets(int yearlyPercent, int cyclePercent, int backbonePercent) {
    }

    @Schema(name = "RotationStatsRow")
    public record Row(String regionCode, int eligible, int rotated, BigDecimal rotatedPercent, int fullTime,
                      BigDecimal fullTimePercent, int backbone, BigDecimal backbonePercent, boolean meetsRotationTarget,
                      boolean meetsBackboneTarget) {
    }

    /**
     * A cycle's figures, or one school year's (学年, 1 September to 31 August) within it: the eligible population is
     * the cycle's, the rotations those starting in the period, measured against the cycle's or the yearly target.
     */
    @Schema(name = "RotationStats")
    public record Stats(String regionCode, int cycle, LocalDate cycleStart, LocalDate cycleEnd,
                        @Schema(description = "The school year asked for (2024 is 2024-09-01 to 2025-08-31); null for the whole cycle")
                        Integer schoolYear, LocalDate periodStart, LocalDate periodEnd, String policyDefinedBy,
                        Targets targets, Row total, List<Row> districts) {
    }

    public record SupplyDemandRow(Subject subject, TeachingLevel level, int openSeats, int requestedSeats,
                                  int eligibleSupply, int gap) {
    }

    public record SupplyDemand(String regionCode, int cycle, List<SupplyDemandRow> rows) {
    }

    /** A teacher's rotation and its mode (an assignment projected). */
    public record RotationMode(long teacherId, PostMode mode) {
    }

    private final TeacherRepository teachers;
    private final PostRepository posts;
    private final EligibilityRoster roster;
    private final PolicyService policies;
    private final OpenAssignments openAssignments;
    private final Caller caller;

    public StatsService(TeacherRepository teachers, PostRepository posts, EligibilityRoster roster,
                        PolicyService policies, OpenAssignments openAssignments, Caller caller) {
        this.teachers = teachers;
        this.posts = posts;
        this.roster = roster;
        this.policies = policies;
        this.openAssignments = openAssignments;
        this.caller = caller;
    }

    public Stats stats(String region, int requestedCycle, Integer schoolYear) {
        caller.scope().requireReadable(caller.scope().covers(region) && caller.scope().school().isEmpty(), "region " + region);
        PolicyService.Effective effective = policies.forCycle(region, requestedCycle);
        RotationPolicy policy = effective.policy();
        int cycle = requestedCycle;
        Targets targets = new Targets(policy.targetYearlyPercent(),
                Math.min(100, policy.targetYearlyPercent() * policy.cycleYears()), policy.targetBackbonePercent());
        LocalDate from = policy.cycleStart(cycle);
        LocalDate to = policy.cycleEnd(cycle);
        if (schoolYear != null) {
            if (schoolYear < cycle || schoolYear >= cycle + policy.cycleYears()) {
                throw ProblemException.badRequest("school-year-outside-cycle", "School year outside the cycle",
                        "Cycle " + cycle + " holds the school years " + cycle + " to "
                                + (cycle + policy.cycleYears() - 1) + "; " + schoolYear + " is not one of them");
            }
            from = LocalDate.of(schoolYear, 9, 1);
            to = from.plusYears(1).minusDays(1);
        }
        int rotationTarget = schoolYear == null ? targets.cyclePercent() : targets.yearlyPercent();
        List<Teacher> inRegion = teachers.inRegionOrSchools(RegionCode.scopePrefix(region), List.of());
        Map<Long, String> rotatedModes = rotatedModes(from, to);
        Map<String, int[]> byDistrict = new TreeMap<>();
        int[] total = new int[4];
        for (EligibilityRoster.Entry e : roster.decide(inRegion, cycle)) {
            if (!e.decision().countsAsEligible()) {
                continue;
            }
            Teacher t = e.teacher();
            int[] counts = byDistrict.computeIfAbsent(t.regionCode, k -> new int[4]);
            String mode = rotatedModes.get(t.id);
            for (int[] c : List.of(counts, total)) {
                c[0]++;
                if (mode != null) {
                    c[1]++;
                    c[2] += "PART_TIME".equals(mode) ? 0 : 1;
                    c[3] += t.backbone.isBackbone() ? 1 : 0;
                }
            }
        }
        List<Row> districts = new ArrayList<>();
        byDistrict.forEach((code, c) -> districts.add(row(code, c, rotationTarget, targets.backbonePercent())));
        return new Stats(region, cycle, policy.cycleStart(cycle), policy.cycleEnd(cycle), schoolYear, from, to,
                effective.definedBy(), targets, row(region, total, rotationTarget, targets.backbonePercent()), districts);
    }

    public SupplyDemand supplyDemand(String region, Integer requestedCycle) {
        caller.scope().requireReadable(caller.scope().covers(region), "region " + region);
        int cycle = policies.cycleOrCurrent(region, requestedCycle);
        String prefix = RegionCode.scopePrefix(region);
        Map<String, int[]> cells = new TreeMap<>();
        List<DemandPost> open = posts.list("regionCode like ?1 and status in ?2", prefix + "%",
                List.of(PostStatus.REQUESTED, PostStatus.DISPATCHED));
        Map<Long, Integer> taken = posts.seatsTaken(open.stream().map(p -> p.id).toList());
        for (DemandPost p : open) {
            int[] cell = cells.computeIfAbsent(key(p.subject, p.level), k -> new int[3]);
            if (p.status == PostStatus.DISPATCHED) {
                cell[0] += Math.max(0, p.seats - taken.getOrDefault(p.id, 0));
            } else {
                cell[1] += p.seats;
            }
        }
        Set<Long> busy = openAssignments.teacherIds();
        List<Teacher> active = teachers.inRegionOrSchools(prefix, List.of()).stream()
                .filter(t -> t.status == TeacherStatus.ACTIVE && !busy.contains(t.id)).toList();
        for (EligibilityRoster.Entry e : roster.decide(active, cycle)) {
            if (e.decision().eligible()) {
                Teacher t = e.teacher();
                cells.computeIfAbsent(key(t.subjectList().get(0), t.level), k -> new int[3])[2]++;
            }
        }
        List<SupplyDemandRow> rows = new ArrayList<>();
        cells.forEach((k, c) -> {
            String[] parts = k.split("/");
            rows.add(new SupplyDemandRow(Subject.valueOf(parts[0]), TeachingLevel.valueOf(parts[1]), c[0], c[1], c[2],
                    c[2] - c[0] - c[1]));
        });
        return new SupplyDemand(region, cycle, rows);
    }

    private static String key(Subject subject, TeachingLevel level) {
        return subject.name() + "/" + level.name();
    }

    private static Row row(String code, int[] c, int rotationTarget, int backboneTarget) {
        BigDecimal rotated = percent(c[1], c[0]);
        BigDecimal backbone = percent(c[3], c[1]);
        return new Row(code, c[0], c[1], rotated, c[2], percent(c[2], c[1]), c[3], backbone,
                rotated.compareTo(BigDecimal.valueOf(rotationTarget)) >= 0,
                backbone.compareTo(BigDecimal.valueOf(backboneTarget)) >= 0);
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Teacher id to the mode of their rotation that starts in the period and was confirmed or went further. */
    private Map<Long, String> rotatedModes(LocalDate from, LocalDate to) {
        List<RotationMode> rotations = Assignment.find("status in ?1 and mode <> ?2 and startDate between ?3 and ?4",
                        Sort.by("startDate"), AssignmentStatus.ROTATED, PostMode.SHADOWING, from, to)
                .project(RotationMode.class).list();
        Map<Long, String> modes = new HashMap<>();
        for (RotationMode rotation : rotations) {
            modes.putIfAbsent(rotation.teacherId(), rotation.mode().name());
        }
        return modes;
    }
}
