package org.xietong.rotation.post;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.security.RegionScope;
import org.xietong.rotation.assignment.AssignmentStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<DemandPost, Long> {

    /** How many assignments hold seats of a post. */
    public record SeatsTaken(long postId, long seats) {
    }

    /** Seats held by assignments that were neither declined nor rejected, per post. */
    public Map<Long, Integer> seatsTaken(Collection<Long> postIds) {
        Map<Long, Integer> taken = new HashMap<>();
        if (postIds.isEmpty()) {
            return taken;
        }
        getEntityManager().createQuery("select a.postId, count(a) from Assignment a where a.status not in :released "
                        + "and a.postId in :posts group by a.postId", SeatsTaken.class)
                .setParameter("released", AssignmentStatus.RELEASED).setParameter("posts", List.copyOf(postIds))
                .getResultList().forEach(row -> taken.put(row.postId(), (int) row.seats()));
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
