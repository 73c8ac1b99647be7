package org.xietong.pairing.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.agreement.PairingStatus;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Gathers the schools, active pairings, alliance and school-district members of a region for {@link Coverage}. */
@ApplicationScoped
public class CoverageService {

    private final EntityManager em;
    private final Caller caller;

    public CoverageService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** An ACTIVE pairing as read, before its activation instant becomes a day in China. */
    public record PairRow(PairingKind kind, String supportingParty, String supportedParty, String supportingRegion,
                          String supportedRegion, Instant activatedAt, LocalDate termStart, LocalDate termEnd) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * The coverage of a region the caller oversees (its own when none is given) on a day (default today); a
     * school-bound caller has none. Pairings count as ACTIVE now: one concluded since is not counted for an earlier day.
     */
    public Coverage.Report report(String region, LocalDate asOf) {
        RegionScope scope = caller.scope();
        String regionCode = region != null ? region : caller.regionCode()
                .orElseThrow(() -> ProblemException.forbidden("Give a region: your account has none"));
        if (!RegionCode.isValid(regionCode) || !scope.covers(regionCode) || scope.school().isPresent()) {
            throw ProblemException.forbidden("Region " + regionCode + " is outside your scope");
        }
        String prefix = RegionCode.scopePrefix(regionCode);
        return Coverage.compute(regionCode, prefix, asOf == null ? LocalDate.now(CHINA) : asOf, schools(prefix),
                activePairs(prefix), members(prefix, false), members(prefix, true));
    }

    private List<Coverage.SchoolFacts> schools(String prefix) {
        return em.createQuery("select s.code, s.regionCode, s.locationType, s.level from School s "
                        + "where s.regionCode like :prefix", Coverage.SchoolFacts.class)
                .setParameter("prefix", prefix + "%").getResultList();
    }

    /** The region's schools in an education group or alliance, or (districts) in a school district. */
    private Set<String> members(String prefix, boolean districts) {
        return new HashSet<>(em.createQuery("select distinct m.schoolCode from Alliance a join a.members m "
                        + "where m.regionCode like :prefix and m.schoolDistrict = :districts", String.class)
                .setParameter("prefix", prefix + "%").setParameter("districts", districts).getResultList());
    }

    private List<Coverage.PairFacts> activePairs(String prefix) {
        return em.createQuery("select p.kind, p.supportingParty, p.supportedParty, p.supportingRegion, p.supportedRegion, "
                        + "p.activatedAt, p.termStart, p.termEnd from Pairing p where p.status = :active "
                        + "and (p.supportingRegion like :prefix or p.supportedRegion like :prefix)", PairRow.class)
                .setParameter("active", PairingStatus.ACTIVE).setParameter("prefix", prefix + "%").getResultList()
                .stream().map(p -> new Coverage.PairFacts(p.kind(), p.supportingParty(), p.supportedParty(),
                        p.supportingRegion(), p.supportedRegion(),
                        p.activatedAt() == null ? null : LocalDate.ofInstant(p.activatedAt(), CHINA), p.termStart(),
                        p.termEnd())).toList();
    }
}
