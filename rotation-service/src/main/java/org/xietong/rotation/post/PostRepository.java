package org.xietong.rotation.post;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.security.RegionScope;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<DemandPost, Long> {

    /** Seats held by assignments that were neither declined nor rejected, per post. */
    public Map<Long, Integer> taken(Collection<Long> postIds) {
        Map<Long, Integer> taken = new HashMap<>();
        if (postIds.isEmpty()) {
            return taken;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT post_id, count(*) FROM assignment "
                        + "WHERE status NOT IN ('DECLINED', 'REJECTED') AND post_id IN (?1) GROUP BY post_id")
                .setParameter(1, List.copyOf(postIds)).getResultList();
        for (Object[] row : rows) {
            taken.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return taken;
    }

    /** Dispatched posts of the region whose term starts within [from, to]. */
    public List<DemandPost> dispatchedIn(String regionPrefix, LocalDate from, LocalDate to) {
        return list("status = ?1 and regionCode like ?2 and startDate between ?3 and ?4", Sort.by("id"),
                PostStatus.DISPATCHED, regionPrefix + "%", from, to);
    }

    /**
     * Posts under {@code regionPrefix}: dispatched ones are open to everyone (teachers rank them), requested or
     * withdrawn ones only within the caller's scope.
     */
    PanacheQuery<DemandPost> search(String regionPrefix, RegionScope scope, PostStatus status, PostMode mode,
                                    String school) {
        StringBuilder query = new StringBuilder("regionCode like :region");
        Parameters params = Parameters.with("region", regionPrefix + "%");
        if (!scope.all()) {
            query.append(" and (status = :dispatched or (regionCode like :scope");
            params.and("dispatched", PostStatus.DISPATCHED).and("scope", scope.listingPrefix() + "%");
            if (scope.school().isPresent()) {
                query.append(" and schoolCode = :ownSchool");
                params.and("ownSchool", scope.school().get());
            }
            query.append("))");
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (mode != null) {
            query.append(" and mode = :mode");
            params.and("mode", mode);
        }
        if (school != null) {
            query.append(" and schoolCode = :school");
            params.and("school", school);
        }
        return find(query.toString(), Sort.by("id"), params);
    }
}
