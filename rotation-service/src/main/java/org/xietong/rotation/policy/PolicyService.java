package org.xietong.rotation.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Region policies; a region without its own inherits its city's, then its province's, then the defaults. */
@ApplicationScoped
public class PolicyService {

    /** A policy in force for a region and where it comes from ("defaults" or the region code that set it). */
    @Schema(name = "EffectiveRotationPolicy")
    public record Effective(String regionCode, String definedBy, RotationPolicy policy, long version) {
    }

    private final Caller caller;
    private final Audit audit;

    public PolicyService(Caller caller, Audit audit) {
        this.caller = caller;
        this.audit = audit;
    }

    public Effective effective(String regionCode) {
        requireRegion(regionCode);
        for (String code : chain(regionCode)) {
            StoredRotationPolicy policy = StoredRotationPolicy.findById(code);
            if (policy != null) {
                return new Effective(regionCode, code, policy.toRotationPolicy(), policy.version);
            }
        }
        return new Effective(regionCode, "defaults", RotationPolicy.DEFAULTS, 0);
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

    @Transactional
    public Effective put(String regionCode, RotationPolicy policy, String ifMatch) {
        requireRegion(regionCode);
        caller.scope().requireWritable(caller.scope().covers(regionCode), "region " + regionCode);
        StoredRotationPolicy stored = StoredRotationPolicy.findById(regionCode);
        boolean created = stored == null;
        if (created) {
            stored = new StoredRotationPolicy();
            stored.regionCode = regionCode;
        } else {
            Versions.requireMatch(ifMatch, stored.version);
        }
        stored.apply(policy);
        stored.updatedBy = caller.username();
        if (created) {
            stored.persist();
        }
        stored.flush();
        audit.record(caller.actor(), created ? "policy.created" : "policy.updated", "policy", regionCode,
                List.of(regionCode), Map.of("policy", policy));
        return new Effective(regionCode, regionCode, stored.toRotationPolicy(), stored.version);
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
