package org.xietong.pairing.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.pairing.agreement.PairingConfig;
import org.xietong.pairing.agreement.PairingStatus;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolLevel;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.util.EnumSet;
import java.util.List;

/** Finds the urban schools that could support a township or rural school, for {@link Suggestions} to rank. */
@ApplicationScoped
public class SuggestionService {

    /** The most candidates read for one suggestion; ranking more would not change the top few. */
    private static final int MAX_CANDIDATES = 5000;

    /** A candidate as the query returns it (boxed, the count a long), which Hibernate builds by its constructor. */
    public record CandidateRow(String code, String name, String regionCode, SchoolLevel level, Boolean qualityResource,
                               Double latitude, Double longitude, Long carried) {

        Suggestions.Candidate candidate() {
            return new Suggestions.Candidate(code, name, regionCode, level, qualityResource, latitude, longitude,
                    carried.intValue());
        }
    }

    private final SchoolRepository schools;
    private final EntityManager em;
    private final PairingConfig config;
    private final Caller caller;

    public SuggestionService(SchoolRepository schools, EntityManager em, PairingConfig config, Caller caller) {
        this.schools = schools;
        this.em = em;
        this.config = config;
        this.caller = caller;
    }

    /** Ranked supporters for a township or rural school the caller may see. */
    public List<Suggestions.Suggestion> suggest(String code, int limit) {
        School school = schools.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("School " + code));
        caller.scope().requireReadable(caller.scope().coversSchool(school.regionCode, school.code), "School " + code);
        if (!school.locationType.needsPartner()) {
            throw ProblemException.unprocessable("not-a-township-school", "Not a township or rural school",
                    "Suggestions are for township and rural schools; " + code + " is " + school.locationType);
        }
        Suggestions.Target target = new Suggestions.Target(school.code, school.regionCode, school.level,
                school.latitude, school.longitude);
        return Suggestions.rank(target, candidates(school), config.maxActivePerSupportingSchool(), limit);
    }

    /** Urban schools of the same province, and quality-resource schools anywhere, not yet paired with this one. */
    private List<Suggestions.Candidate> candidates(School school) {
        return em.createQuery("select s.code, s.name, s.regionCode, s.level, s.qualityResource, s.latitude, s.longitude, "
                        + "(select count(*) from Pairing p where p.supportingParty = s.code and p.status in :carrying) "
                        + "from School s where s.locationType = :urban "
                        + "and (s.regionCode like :province or s.qualityResource = true) "
                        + "and not exists (select 1 from Pairing p where p.status in :open "
                        + "and ((p.supportingParty = s.code and p.supportedParty = :school) "
                        + "or (p.supportedParty = s.code and p.supportingParty = :school)))", CandidateRow.class)
                .setParameter("carrying", EnumSet.of(PairingStatus.ACTIVE, PairingStatus.SUSPENDED))
                .setParameter("urban", LocationType.URBAN)
                .setParameter("province", school.regionCode.substring(0, 2) + "%")
                .setParameter("open", PairingStatus.OPEN)
                .setParameter("school", school.code)
                .setMaxResults(MAX_CANDIDATES)
                .getResultList().stream().map(CandidateRow::candidate).toList();
    }
}
