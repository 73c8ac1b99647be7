package org.xietong.healthcare.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Home regions' settlement policies; a district without its own uses its city's, then its province's. */
@ApplicationScoped
public class SettlementPolicyService {

    /** The policy in force for a region and the region that defined it. */
    @Schema(name = "EffectiveSettlementPolicy")
    public record Effective(String regionCode, String definedBy, SettlementPolicy policy, long version) {
    }

    private final Caller caller;
    private final Audit audit;

    public SettlementPolicyService(Caller caller, Audit audit) {
        this.caller = caller;
        this.audit = audit;
    }

    public Optional<Effective> find(String regionCode) {
        for (String code : Regions.chain(regionCode)) {
            StoredSettlementPolicy stored = StoredSettlementPolicy.findById(code);
            if (stored != null) {
                return Optional.of(new Effective(regionCode, code, stored.document, stored.version));
            }
        }
        return Optional.empty();
    }

    public Effective get(String regionCode) {
        Regions.require(regionCode);
        return find(regionCode).orElseThrow(() -> ProblemException.notFound("A settlement policy for " + regionCode));
    }

    @Transactional
    public Effective put(String regionCode, SettlementPolicy policy, String ifMatch) {
        Regions.require(regionCode);
        caller.scope().requireWritable(caller.scope().covers(regionCode), "region " + regionCode);
        StoredSettlementPolicy stored = StoredSettlementPolicy.findById(regionCode);
        boolean created = stored == null;
        if (created) {
            stored = new StoredSettlementPolicy();
            stored.regionCode = regionCode;
        } else {
            Versions.requireMatch(ifMatch, stored.version);
        }
        stored.document = policy;
        stored.updatedBy = caller.username();
        if (created) {
            stored.persist();
        }
        stored.flush();
        audit.record(caller.actor(), created ? "settlement-policy.created" : "settlement-policy.updated",
                "settlement-policy", regionCode, List.of(regionCode), Map.of("lines", policy.lines().size(),
                        "assistanceCategories", policy.assistance().size(), "fallbackRules", policy.fallback().size()));
        return new Effective(regionCode, regionCode, stored.document, stored.version);
    }
}
