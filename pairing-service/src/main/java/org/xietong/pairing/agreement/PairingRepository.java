package org.xietong.pairing.agreement;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.security.RegionScope;

import java.util.EnumSet;
import java.util.UUID;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<Pairing, UUID> {

    /** Pairings either side of which the caller may see; a school-bound caller sees its school's pairings. */
    PanacheQuery<Pairing> visibleTo(RegionScope scope, PairingStatus status, PairingKind kind, String party) {
        String prefix = scope.listingPrefix() + "%";
        StringBuilder query = new StringBuilder("(supportingRegion like :prefix or supportedRegion like :prefix)");
        Parameters parameters = Parameters.with("prefix", prefix);
        if (scope.school().isPresent()) {
            query.append(" and (supportingParty = :school or supportedParty = :school)");
            parameters.and("school", scope.school().get());
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (party != null) {
            query.append(" and (supportingParty = :party or supportedParty = :party)");
            parameters.and("party", party);
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), parameters);
    }

    /** Whether the two parties already have a pairing that is proposed, active or suspended, in either direction. */
    boolean hasOpenBetween(String a, String b) {
        return count("status in ?1 and ((supportingParty = ?2 and supportedParty = ?3) or (supportingParty = ?3 and supportedParty = ?2))",
                PairingStatus.OPEN, a, b) > 0;
    }

    /** How many active or suspended pairings the school supports, which the configured capacity bounds. */
    long carriedBy(String supportingParty) {
        return count("supportingParty = ?1 and status in ?2", supportingParty,
                EnumSet.of(PairingStatus.ACTIVE, PairingStatus.SUSPENDED));
    }
}
