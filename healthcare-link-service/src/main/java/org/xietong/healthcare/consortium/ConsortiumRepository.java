package org.xietong.healthcare.consortium;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.xietong.platform.security.RegionScope;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ConsortiumRepository implements PanacheRepositoryBase<Consortium, Long> {

    /** Consortia with a member the scope covers (an institution-bound caller: its own institution). */
    PanacheQuery<Consortium> search(RegionScope scope, ConsortiumKind kind, String member) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!scope.all()) {
            query.append(" and exists (select m from ConsortiumMember m where m.consortiumId = c.id"
                    + " and m.regionCode like :region");
            params.and("region", scope.listingPrefix() + "%");
            if (scope.institution().isPresent()) {
                query.append(" and m.institutionCode = :own");
                params.and("own", scope.institution().get());
            }
            query.append(")");
        }
        if (kind != null) {
            query.append(" and c.kind = :kind");
            params.and("kind", kind);
        }
        if (member != null) {
            query.append(" and exists (select m2 from ConsortiumMember m2 where m2.consortiumId = c.id"
                    + " and m2.institutionCode = :member)");
            params.and("member", member);
        }
        return find("from Consortium c where " + query, Sort.by("id"), params);
    }

    /** Serialises membership changes of one consortium (the lead check and the member count). */
    public Consortium lock(long id) {
        return getEntityManager().find(Consortium.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ConsortiumMember> members(long consortiumId) {
        return ConsortiumMember.list("consortiumId", Sort.by("id"), consortiumId);
    }

    public Optional<ConsortiumMember> member(long consortiumId, String institutionCode) {
        return ConsortiumMember.find("consortiumId = ?1 and institutionCode = ?2", consortiumId, institutionCode)
                .firstResultOptional();
    }

    public Optional<ConsortiumInvitation> pendingInvitation(long consortiumId, String institutionCode) {
        return ConsortiumInvitation.find("consortiumId = ?1 and institutionCode = ?2 and status = ?3", consortiumId,
                institutionCode, ConsortiumInvitation.Status.PENDING).firstResultOptional();
    }

    /** Invitations of the scope's institutions or sent by consortia it leads (an institution-bound caller: its own). */
    PanacheQuery<ConsortiumInvitation> invitations(RegionScope scope, ConsortiumInvitation.Status status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!scope.all()) {
            params.and("region", scope.listingPrefix() + "%");
            if (scope.institution().isPresent()) {
                query.append(" and ((regionCode like :region and institutionCode = :own)"
                        + " or (leadRegion like :region and leadCode = :own))");
                params.and("own", scope.institution().get());
            } else {
                query.append(" and (regionCode like :region or leadRegion like :region)");
            }
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return ConsortiumInvitation.find(query.toString(), Sort.by("id"), params);
    }

    public List<CooperationItem> items(long consortiumId) {
        return CooperationItem.list("consortiumId", Sort.by("id"), consortiumId);
    }
}
