package org.xietong.pairing.school;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.RegionScope;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {

    /**
     * Schools matching the search within what the caller may list: the requested region prefix only narrows the
     * caller's scope, it never widens it; a school-bound caller sees its own school only.
     */
    PanacheQuery<School> search(SchoolSearch search, RegionScope scope) {
        Optional<String> region = effectivePrefix(scope.listingPrefix(), search.region());
        if (region.isEmpty()) {
            return find("1 = 0");
        }
        StringBuilder query = new StringBuilder("regionCode like :region");
        Parameters parameters = Parameters.with("region", region.get() + "%");
        if (scope.school().isPresent()) {
            query.append(" and code = :school");
            parameters.and("school", scope.school().get());
        }
        if (search.type() != null) {
            query.append(" and locationType = :type");
            parameters.and("type", search.type());
        }
        if (search.level() != null) {
            query.append(" and level = :level");
            parameters.and("level", search.level());
        }
        if (search.name() != null && !search.name().isBlank()) {
            query.append(" and name like :name escape '!'");
            parameters.and("name", "%" + search.name().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return find(query.toString(), Sort.by("code"), parameters);
    }

    /** A school another record refers to; an unknown code in a request body is a 422, not a 404. */
    public School requireRegistered(String code, String role) {
        return findByIdOptional(code).orElseThrow(() -> ProblemException.unprocessable("unknown-school",
                "Unknown school", role + " " + code + " is not a registered school"));
    }

    public List<School> byCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    /**
     * Whether anything of the pairing domain refers to this school: a pairing, an alliance membership, a shared
     * facility or a booking of one, an activity. The entities are named in the query only, so this package does not
     * depend on theirs.
     */
    boolean isInUse(String code) {
        return getEntityManager().createQuery("select "
                        + "(select count(*) from Pairing p where p.supportingParty = s.code or p.supportedParty = s.code) + "
                        + "(select count(*) from Alliance a join a.members m where m.schoolCode = s.code) + "
                        + "(select count(*) from SharedFacility f where f.ownerSchool = s.code) + "
                        + "(select count(*) from FacilityBooking b where b.schoolCode = s.code) + "
                        + "(select count(*) from Activity t join t.schools x where x = s.code) "
                        + "from School s where s.code = :code", Long.class)
                .setParameter("code", code).getSingleResult() > 0;
    }

    /** The narrower of two prefixes when one contains the other; nothing when they are disjoint. */
    static Optional<String> effectivePrefix(String scopePrefix, String requested) {
        if (requested == null || requested.isEmpty() || requested.startsWith(scopePrefix)) {
            return Optional.of(requested == null || requested.isEmpty() ? scopePrefix : requested);
        }
        return scopePrefix.startsWith(requested) ? Optional.of(scopePrefix) : Optional.empty();
    }
}
