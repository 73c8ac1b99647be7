package org.xietong.healthcare.expert;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.xietong.platform.security.RegionScope;

@ApplicationScoped
public class ExpertRepository implements PanacheRepositoryBase<Expert, Long> {

    /**
     * Experts based in the scope or holding clinics there; an institution-bound caller sees its own institution's
     * experts and those visiting it.
     */
    PanacheQuery<Expert> search(RegionScope scope, String specialty) {
        Parameters params = Parameters.with("region", scope.listingPrefix() + "%");
        String query;
        if (scope.institution().isPresent()) {
            query = "from Expert e where ((e.homeRegion like :region and e.homeInstitutionCode = :own) or exists"
                    + " (select s from OutreachSchedule s where s.expertId = e.id and s.hostRegion like :region"
                    + " and s.hostInstitutionCode = :own))";
            params.and("own", scope.institution().get());
        } else {
            query = "from Expert e where (e.homeRegion like :region or exists (select s from OutreachSchedule s"
                    + " where s.expertId = e.id and s.hostRegion like :region))";
        }
        if (specialty != null) {
            query += " and e.specialty = :specialty";
            params.and("specialty", specialty);
        }
        return find(query, Sort.by("id"), params);
    }

    /**
     * Locks the expert row: scheduling for one expert is serialised, so two schedules created at once cannot both
     * pass the overlap check.
     */
    Expert lock(long id) {
        return getEntityManager().find(Expert.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the expert holds clinics somewhere in the scope. */
    boolean visitsScope(long expertId, RegionScope scope) {
        if (scope.isEmpty()) {
            return false;
        }
        if (scope.institution().isPresent()) {
            return OutreachSchedule.count("expertId = ?1 and hostRegion like ?2 and hostInstitutionCode = ?3", expertId,
                    scope.listingPrefix() + "%", scope.institution().get()) > 0;
        }
        return OutreachSchedule.count("expertId = ?1 and hostRegion like ?2", expertId, scope.listingPrefix() + "%") > 0;
    }
}
