package org.xietong.pairing.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;
import org.xietong.platform.security.Purpose;

import java.util.List;

@Path("/api/v1/pairing/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Where township and rural schools still lack a partner")
public class CoverageResource {

    private final EntityManager em;
    private final Caller caller;

    public CoverageResource(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(summary = "Coverage of a region (default: yours): township and rural compulsory schools with an active "
            + "pairing, the ratio, active pairs, schools in an education group, and one row per district below a city "
            + "or province code")
    public Coverage.Report coverage(@QueryParam("region") @Pattern(regexp = "[1-9][0-9]{5}",
            message = "must be a 6-digit GB/T 2260 region code") String region) {
        RegionScope scope = caller.scope();
        String regionCode = region != null ? region : caller.regionCode()
                .orElseThrow(() -> ProblemException.forbidden("Give a region: your account has none"));
        if (!RegionCode.isValid(regionCode) || !scope.covers(regionCode) || scope.school().isPresent()) {
            throw ProblemException.forbidden("Region " + regionCode + " is outside your scope");
        }
        String prefix = RegionCode.scopePrefix(regionCode);
        return Coverage.compute(regionCode, prefix, schools(prefix), activePairs(prefix), grouped(prefix));
    }

    @SuppressWarnings("unchecked")
    private List<Coverage.SchoolFacts> schools(String prefix) {
        List<Object[]> rows = em.createNativeQuery("SELECT code, region_code, location_type, level FROM school "
                + "WHERE region_code LIKE ?1").setParameter(1, prefix + "%").getResultList();
        return rows.stream().map(r -> new Coverage.SchoolFacts((String) r[0], (String) r[1],
                LocationType.valueOf((String) r[2]), SchoolLevel.valueOf((String) r[3]))).toList();
    }

    @SuppressWarnings("unchecked")
    private java.util.Set<String> grouped(String prefix) {
        return new java.util.HashSet<>(em.createNativeQuery("SELECT DISTINCT school_code FROM alliance_member "
                + "WHERE region_code LIKE ?1").setParameter(1, prefix + "%").getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<Coverage.PairFacts> activePairs(String prefix) {
        List<Object[]> rows = em.createNativeQuery("SELECT kind, supporting_party, supported_party, supporting_region, "
                        + "supported_region FROM pairing WHERE status = 'ACTIVE' "
                        + "AND (supporting_region LIKE ?1 OR supported_region LIKE ?1)")
                .setParameter(1, prefix + "%").getResultList();
        return rows.stream().map(r -> new Coverage.PairFacts(PairingKind.valueOf((String) r[0]), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4])).toList();
    }
}
