package org.xietong.healthcare.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.rules.RuleVersions;
import org.xietong.platform.security.Caller;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Home regions' settlement policies, effective-dated: a region's policy has versions, each in force from its
 * {@code validFrom}; a district without its own version in force uses its city's, then its province's.
 */
@ApplicationScoped
public class SettlementPolicyService {

    /**
     * A policy version and the region that defined it; {@code validTo} is the day before the region's next version
     * begins (null: open-ended), {@code version} the ETag to send back in If-Match.
     */
    @Schema(name = "EffectiveSettlementPolicy")
    public record Effective(String regionCode, String definedBy, LocalDate validFrom, LocalDate validTo,
                            SettlementPolicy policy, long version) {
    }

    /** Every version along a region's district → city → province chain, to answer many days from one read. */
    public record Timeline(String regionCode, List<Effective> versions) {

        public Optional<Effective> at(LocalDate day) {
            for (String code : Regions.chain(regionCode)) {
                Optional<Effective> found = RuleVersions.inForce(versions.stream()
                        .filter(v -> v.definedBy().equals(code)).toList(), Effective::validFrom, day);
                if (found.isPresent()) {
                    return Optional.of(new Effective(regionCode, code, found.get().validFrom(), found.get().validTo(),
                            found.get().policy(), found.get().version()));
                }
            }
            return Optional.empty();
        }
    }

    private final Caller caller;
    private final Audit audit;

    public SettlementPolicyService(Caller caller, Audit audit) {
        this.caller = caller;
        this.audit = audit;
    }

    public Timeline timeline(String regionCode) {
        List<StoredSettlementPolicy> rows = StoredSettlementPolicy.list("regionCode in ?1", Regions.chain(regionCode));
        return new Timeline(regionCode, rows.stream().map(row -> effective(row, rows)).toList());
    }

    public Optional<Effective> find(String regionCode, LocalDate day) {
        return timeline(regionCode).at(day);
    }

    public Effective get(String regionCode, LocalDate day) {
        Regions.require(regionCode);
        return find(regionCode, day).orElseThrow(() -> ProblemException.notFound("A settlement policy for " + regionCode
                + " in force on " + day));
    }

    /** The region's own versions, oldest first. */
    public List<Effective> history(String regionCode) {
        Regions.require(regionCode);
        List<StoredSettlementPolicy> rows = own(regionCode);
        return rows.stream().map(row -> effective(row, rows)).toList();
    }

    /**
     * Starts a version of the region's policy on {@code validFrom} (default: today, or since ever for a first
     * policy), or replaces the version beginning that day; If-Match carries the tag of the latest version.
     */
    @Transactional
    public Effective put(String regionCode, SettlementPolicy policy, String ifMatch, LocalDate validFrom) {
        Regions.require(regionCode);
        caller.scope().requireWritable(caller.scope().covers(regionCode), "region " + regionCode);
        List<StoredSettlementPolicy> versions = own(regionCode);
        if (!versions.isEmpty()) {
            StoredSettlementPolicy latest = versions.get(versions.size() - 1);
            Versions.requireMatch(ifMatch, RuleVersions.tag(latest.validFrom, latest.version));
        }
        LocalDate start = RuleVersions.start(validFrom, versions.stream().map(v -> v.validFrom).toList(),
                LocalDate.now(SettlementService.CHINA), day -> SettlementRecord.settledSince("homeRegion", regionCode, day),
                "The settlement policy of " + regionCode);
        StoredSettlementPolicy stored = versions.stream().filter(v -> v.validFrom.equals(start)).findFirst().orElse(null);
        boolean created = stored == null;
        if (created) {
            stored = new StoredSettlementPolicy();
            stored.regionCode = regionCode;
            stored.validFrom = start;
        }
        stored.document = policy;
        stored.updatedBy = caller.username();
        if (created) {
            stored.persist();
        }
        stored.flush();
        audit.record(caller.actor(), created ? "settlement-policy.created" : "settlement-policy.updated",
                "settlement-policy", regionCode, List.of(regionCode), Map.of("validFrom", start.toString(),
                        "lines", policy.lines().size(), "assistanceCategories", policy.assistance().size(),
                        "fallbackRules", policy.fallback().size()));
        return history(regionCode).stream().filter(v -> v.validFrom().equals(start)).findFirst().orElseThrow();
    }

    private static List<StoredSettlementPolicy> own(String regionCode) {
        return StoredSettlementPolicy.<StoredSettlementPolicy>list("regionCode", regionCode).stream()
                .sorted(Comparator.comparing(v -> v.validFrom)).toList();
    }

    private static Effective effective(StoredSettlementPolicy row, List<StoredSettlementPolicy> rows) {
        LocalDate validTo = RuleVersions.validTo(rows.stream().filter(r -> r.regionCode.equals(row.regionCode))
                .map(r -> r.validFrom).toList(), row.validFrom);
        return new Effective(row.regionCode, row.regionCode, row.validFrom, validTo, row.document,
                RuleVersions.tag(row.validFrom, row.version));
    }
}
