package org.xietong.pairing.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.pairing.agreement.PairingStatus;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Gathers the schools, active pairings and alliance members of a region for {@link Coverage}. */
@ApplicationScoped
public class CoverageService {

    private final EntityManager em;
    private final Caller caller;

    public CoverageService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** The coverage of a region the caller oversees (its own when none is given); a school-bound caller has none. */
    public Coverage.Report report(String region) {
        RegionScope scope = caller.scope();
        String regionCode = region != null ? region : caller.regionCode()
                .orElseThrow(() -> ProblemException.forbidden("Give a region: your account has none"));
        if (!RegionCode.isValid(regionCode) || !scope.covers(regionCode) || scope.school().isPresent()) {
            throw ProblemException.forbidden("Region " + regionCode + " is outside your scope");
        }
        String prefix = RegionCode.scopePrefix(regionCode);
        return Coverage.compute(regionCode, prefix, schools(prefix), activePairs(prefix), grouped(prefix));
    }

    private List<Coverage.SchoolFacts> schools(String prefix) {
        return em.createQuery("select s.code, s.regionCode, s.locationType, s.level from School s "
                        + "where s.regionCode like :prefix", Coverage.SchoolFacts.class)
                .setParameter("prefix", prefix + "%").getResultList();
    }

    private Set<String> grouped(String prefix) {
        return new HashSet<>(em.createQuery("select distinct m.schoolCode from Alliance a join a.members m "
                        + "where m.regionCode like :prefix", String.class)
                .setParameter("prefix", prefix + "%").getResultList());
    }

    private List<Coverage.PairFacts> activePairs(String prefix) {
        return em.createQuery("select p.kind, p.supportingParty, p.supportedParty, p.supportingRegion, p.supportedRegion "
                        + "from Pairing p where p.status = :active "
                        + "and (p.supportingRegion like :prefix or p.supportedRegion like :prefix)", Coverage.PairFacts.class)
                .setParameter("active", PairingStatus.ACTIVE).setParameter("prefix", prefix + "%").getResultList();
    }
}
