package org.xietong.healthcare.consultation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<Consultation, Long> {

    private static final List<ConsultationStatus> OPEN =
            List.of(ConsultationStatus.REQUESTED, ConsultationStatus.ACCEPTED, ConsultationStatus.SCHEDULED);

    /** Consultations either side of which the scope covers. */
    PanacheQuery<Consultation> search(RegionScope scope, ConsultationStatus status, String institution) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        scoped(scope, query, params);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (institution != null) {
            query.append(" and (requesterCode = :institution or consultantCode = :institution)");
            params.and("institution", institution);
        }
        return find(query.toString(), Sort.by("id"), params);
    }

    /** Open consultations past their deadline, most overdue first. */
    PanacheQuery<Consultation> overdue(RegionScope scope, Instant now) {
        StringBuilder query = new StringBuilder("status in :open and deadline < :now");
        Parameters params = Parameters.with("open", OPEN).and("now", now);
        scoped(scope, query, params);
        return find(query.toString(), Sort.by("deadline").and("id"), params);
    }

    private static void scoped(RegionScope scope, StringBuilder query, Parameters params) {
        if (scope.all()) {
            return;
        }
        params.and("region", scope.listingPrefix() + "%");
        if (scope.institution().isPresent()) {
            query.append(" and ((requesterRegion like :region and requesterCode = :own)"
                    + " or (consultantRegion like :region and consultantCode = :own))");
            params.and("own", scope.institution().get());
        } else {
            query.append(" and (requesterRegion like :region or consultantRegion like :region)");
        }
    }
}
