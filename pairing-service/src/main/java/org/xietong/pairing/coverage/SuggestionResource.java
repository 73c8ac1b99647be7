package org.xietong.pairing.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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
import org.xietong.pairing.agreement.PairingConfig;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolLevel;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

import java.util.List;

@Path("/api/v1/pairing/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage")
public class SuggestionResource {

    private final SchoolRepository schools;
    private final EntityManager em;
    private final PairingConfig config;
    private final Caller caller;

    public SuggestionResource(SchoolRepository schools, EntityManager em, PairingConfig config, Caller caller) {
        this.schools = schools;
        this.em = em;
        this.config = config;
        this.caller = caller;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(summary = "Ranked urban schools that could support a township or rural school, with reasons; "
            + "never a school at its pairing capacity or one it already pairs with")
    public List<Suggestions.Suggestion> suggest(
            @QueryParam("school") @NotNull @Pattern(regexp = "[0-9]{10}") String code,
            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(50) int limit) {
        School school = schools.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("School " + code));
        caller.scope().requireReadable(caller.scope().coversSchool(school.regionCode, school.code), "School " + code);
        if (!school.locationType.needsPartner()) {
            throw new ProblemException(Problem.of(422, "not-a-township-school", "Not a township or rural school",
                    "Suggestions are for township and rural schools; " + code + " is " + school.locationType));
        }
        Suggestions.Target target = new Suggestions.Target(school.code, school.regionCode, school.level,
                school.latitude, school.longitude);
        return Suggestions.rank(target, candidates(school), config.maxActivePerSupportingSchool(), limit);
    }

    /** Urban schools of the same province, and quality-resource schools anywhere, not yet paired with this one. */
    @SuppressWarnings("unchecked")
    private List<Suggestions.Candidate> candidates(School school) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.code, s.name, s.region_code, s.level, s.quality_resource, "
                        + "s.latitude, s.longitude, (SELECT count(*) FROM pairing p WHERE p.supporting_party = s.code "
                        + "AND p.status IN ('ACTIVE', 'SUSPENDED')) AS carried FROM school s "
                        + "WHERE s.location_type = 'URBAN' AND (s.region_code LIKE ?1 OR s.quality_resource) "
                        + "AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.status IN ('PROPOSED', 'ACTIVE', 'SUSPENDED') "
                        + "AND ((p.supporting_party = s.code AND p.supported_party = ?2) "
                        + "OR (p.supported_party = s.code AND p.supporting_party = ?2))) "
                        + "LIMIT 5000")
                .setParameter(1, school.regionCode.substring(0, 2) + "%")
                .setParameter(2, school.code)
                .getResultList();
        return rows.stream().map(r -> new Suggestions.Candidate((String) r[0], (String) r[1], (String) r[2],
                SchoolLevel.valueOf((String) r[3]), (Boolean) r[4], (Double) r[5], (Double) r[6],
                ((Number) r[7]).intValue())).toList();
    }
}
