package org.xietong.pairing.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

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

    /** A pairing with the period it was ACTIVE that covers the day asked, as read. */
    public record PeriodRow(PairingKind kind, String supportingParty, String supportedParty, String supportingRegion,
                            String supportedRegion, LocalDate activeFrom, LocalDate activeTo, LocalDate termEnd) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * The coverage of a region the caller oversees (its own when none is given) on a day (default today); a
     * school-bound caller has none. A pairing counts on the days it was ACTIVE and its term ran, whatever it is now.
     */
    public Coverage.Report report(String region, LocalDate asOf) {
        RegionScope scope = caller.scope();
        String regionCode = region != null ? region : caller.regionCode()
                .orElseThrow(() -> ProblemException.forbidden("Give a region: your account has none"));
        if (!RegionCode.isValid(regionCode) || !scope.covers(regionCode) || scope.school().isPresent()) {
            throw ProblemException.forbidden("Region " + regionCode + " is outside your scope");
        }
        String prefix = RegionCode.scopePrefix(regionCode);
        LocalDate day = asOf == null ? LocalDate.now(CHINA) : asOf;
        return Coverage.compute(regionCode, prefix, day, schools(prefix), activeOn(prefix, day), members(prefix, false),
                members(prefix, true));
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

    /** The pairings ACTIVE on the day, each with the span of that period within its term. */
    private List<Coverage.PairFacts> activeOn(String prefix, LocalDate day) {
        return em.createQuery("select p.kind, p.supportingParty, p.supportedParty, p.supportingRegion, p.supportedRegion, "
                        + "a.activeFrom, a.activeTo, p.termEnd from Pairing p, ActivePeriod a where a.pairingId = p.id "
                        + "and a.activeFrom <= :day and (a.activeTo is null or a.activeTo >= :day) and p.termEnd >= :day "
                        + "and (p.supportingRegion like :prefix or p.supportedRegion like :prefix)", PeriodRow.class)
                .setParameter("day", day).setParameter("prefix", prefix + "%").getResultList().stream()
                .map(p -> new Coverage.PairFacts(p.kind(), p.supportingParty(), p.supportedParty(),
                        p.supportingRegion(), p.supportedRegion(), p.activeFrom(), p.activeFrom(),
                        p.activeTo() == null || p.activeTo().isAfter(p.termEnd()) ? p.termEnd() : p.activeTo()))
                .toList();
    }
}
