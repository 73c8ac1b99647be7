package org.xietong.healthcare.expert;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.security.RegionScope;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<OutreachSchedule, Long> {

    /**
     * Schedules hosted in the scope or of experts based in it; an institution-bound caller sees those of its own
     * institution.
     */
    PanacheQuery<OutreachSchedule> search(RegionScope scope, Long expertId, String host) {
        Parameters params = Parameters.with("region", scope.listingPrefix() + "%");
        StringBuilder query;
        if (scope.institution().isPresent()) {
            query = new StringBuilder("((hostRegion like :region and hostInstitutionCode = :own) or expertId in "
                    + "(select e.id from Expert e where e.homeRegion like :region and e.homeInstitutionCode = :own))");
            params.and("own", scope.institution().get());
        } else {
            query = new StringBuilder("(hostRegion like :region or expertId in "
                    + "(select e.id from Expert e where e.homeRegion like :region))");
        }
        if (expertId != null) {
            query.append(" and expertId = :expert");
            params.and("expert", expertId);
        }
        if (host != null) {
            query.append(" and hostInstitutionCode = :host");
            params.and("host", host);
        }
        return find(query.toString(), Sort.by("id"), params);
    }
}
