package org.xietong.rotation.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.rules.RuleVersions;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.run.MatchingRun;
import org.xietong.rotation.run.MatchingRunLocks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Region policies, effective-dated: a region's policy has versions, each in force from its {@code validFrom}; a region
 * without its own version in force inherits its city's, then its province's, then the defaults. A cycle is decided
 * under the versions in force on its first day, so a later change never rewrites a past cycle's eligibility.
 */
@ApplicationScoped
public class PolicyService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * A policy version for a region and where it comes from ("defaults" or the region code that set it);
     * {@code validTo} is the day before that region's next version begins (null: open-ended), {@code version} the
     * ETag to send back in If-Match.
     */
    @Schema(name = "EffectiveRotationPolicy")
    public record Effective(String regionCode, String definedBy, LocalDate validFrom, LocalDate validTo,
                            RotationPolicy policy, long version) {
    }

    /** A committed run's region and cycle: a result recorded under the policy of the cycle's first day. */
    public record RunCycle(String regionCode, int cycle) {
    }

    private final Caller caller;
    private final Audit audit;
    private final MatchingRunLocks runLocks;

    public PolicyService(Caller caller, Audit audit, MatchingRunLocks runLocks) {
        this.caller = caller;
        this.audit = audit;
        this.runLocks = runLocks;
    }

    /** The policy in force today. */
    public Effective effective(String regionCode) {
        return effective(regionCode, LocalDate.now(CHINA));
    }

    /** The policy in force for the region on {@code day}: the first of the chain with a version begun by then. */
    public Effective effective(String regionCode, LocalDate day) {
        requireRegion(regionCode);
        for (String code : chain(regionCode)) {
            List<StoredRotationPolicy> versions = own(code);
            Optional<StoredRotationPolicy> found = RuleVersions.inForce(versions, v -> v.validFrom, day);
            if (found.isPresent()) {
                return effective(regionCode, found.get(), versions);
            }
        }
        return new Effective(regionCode, "defaults", RuleVersions.SINCE_EVER, null, RotationPolicy.DEFAULTS, 0);
    }

    /**
     * The policy a cycle is decided under, the one in force on its first day (1 September of its year); 400 if the
     * year does not start a cycle under it.
     */
    public Effective forCycle(String regionCode, int cycle) {
        Effective effective = effective(regionCode, LocalDate.of(cycle, 9, 1));
        requireCycle(effective.policy(), cycle);
        return effective;
    }

    /** The cycle asked for, checked against its policy; without one, the cycle today falls in under today's policy. */
    public int cycleOrCurrent(String regionCode, Integer cycle) {
        if (cycle == null) {
            return effective(regionCode).policy().cycleOf(LocalDate.now(CHINA));
        }
        forCycle(regionCode, cycle);
        return cycle;
    }

    /** The region's own versions, oldest first. */
    public List<Effective> history(String regionCode) {
        requireRegion(regionCode);
        List<StoredRotationPolicy> versions = own(regionCode);
        return versions.stream().map(v -> effective(regionCode, v, versions)).toList();
    }

    /** The cycle asked for, or 400 naming the valid ones around it. */
    public int requireCycle(RotationPolicy policy, int cycle) {
        if (!policy.isCycle(cycle)) {
            int near = policy.cycleOf(LocalDate.of(Math.max(2000, Math.min(2100, cycle)), 9, 1));
            throw ProblemException.badRequest("invalid-cycle", "Not a rotation cycle",
                    "Cycles start every " + policy.cycleYears() + " years from " + policy.firstCycleStart()
                            + " (on 1 September); try " + near + " or " + (near + policy.cycleYears()));
        }
        return cycle;
    }

    /**
     * Starts a version of the region's own policy on {@code validFrom} (default: today, or since ever for a region's
     * first policy), or replaces the version beginning that day; If-Match carries the tag of the latest version. A
     * version may not begin on or before the first day of a cycle that a committed matching run has decided, past or
     * coming, the region's first version included.
     */
    @Transactional
    public Effective put(String regionCode, RotationPolicy policy, String ifMatch, LocalDate validFrom) {
        requireRegion(regionCode);
        caller.scope().requireWritable(caller.scope().covers(regionCode), "region " + regionCode);
        List<StoredRotationPolicy> versions = own(regionCode);
        if (!versions.isEmpty()) {
            StoredRotationPolicy latest = versions.get(versions.size() - 1);
            Versions.requireMatch(ifMatch, RuleVersions.tag(latest.validFrom, latest.version));
        }
        // Serialised with the region's matching runs, so a run cannot decide a cycle while its rules change.
        runLocks.lockRegion(regionCode);
        LocalDate start = RuleVersions.startAfterDecisions(validFrom, versions.stream().map(v -> v.validFrom).toList(),
                LocalDate.now(CHINA), day -> runDecidedSince(regionCode, day), "The rotation policy of " + regionCode);
        StoredRotationPolicy stored = versions.stream().filter(v -> v.validFrom.equals(start)).findFirst().orElse(null);
        boolean created = stored == null;
        if (created) {
            stored = new StoredRotationPolicy();
            stored.regionCode = regionCode;
            stored.validFrom = start;
        }
        stored.apply(policy);
        stored.updatedBy = caller.username();
        if (created) {
            stored.persist();
        }
        stored.flush();
        audit.record(caller.actor(), created ? "policy.created" : "policy.updated", "policy", regionCode,
                List.of(regionCode), Map.of("validFrom", start.toString(), "policy", policy));
        return history(regionCode).stream().filter(v -> v.validFrom().equals(start)).findFirst().orElseThrow();
    }

    /**
     * Whether a committed run decided a cycle starting on {@code day} or later for teachers this region's policy
     * governs: a run of the region, of a district under it, or of a city or province containing it.
     */
    private static boolean runDecidedSince(String regionCode, LocalDate day) {
        int firstCycle = day.isAfter(LocalDate.of(day.getYear(), 9, 1)) ? day.getYear() + 1 : day.getYear();
        String prefix = RegionCode.scopePrefix(regionCode);
        return MatchingRun.find("dryRun = false and cycle >= ?1", firstCycle).project(RunCycle.class).list().stream()
                .anyMatch(run -> run.regionCode().startsWith(prefix)
                        || regionCode.startsWith(RegionCode.scopePrefix(run.regionCode())));
    }

    private static List<StoredRotationPolicy> own(String regionCode) {
        return StoredRotationPolicy.<StoredRotationPolicy>list("regionCode", regionCode).stream()
                .sorted(Comparator.comparing(v -> v.validFrom)).toList();
    }

    private static Effective effective(String regionCode, StoredRotationPolicy row, List<StoredRotationPolicy> versions) {
        return new Effective(regionCode, row.regionCode, row.validFrom,
                RuleVersions.validTo(versions.stream().map(v -> v.validFrom).toList(), row.validFrom),
                row.toRotationPolicy(), RuleVersions.tag(row.validFrom, row.version));
    }

    static List<String> chain(String regionCode) {
        return Stream.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")
                .distinct().toList();
    }

    private static void requireRegion(String regionCode) {
        if (!RegionCode.isValid(regionCode)) {
            throw ProblemException.badRequest("invalid-region", "Invalid region code",
                    "'" + regionCode + "' is not a 6-digit GB/T 2260 region code");
        }
    }
}
