package org.xietong.healthcare.institution;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, String> {

    PanacheQuery<Institution> search(String regionPrefix, Capability capability) {
        if (capability == null) {
            return find("regionCode like ?1", Sort.by("code"), regionPrefix + "%");
        }
        return find("regionCode like :region and array_contains(capabilities, :capability)", Sort.by("code"),
                Parameters.with("region", regionPrefix + "%").and("capability", capability.name()));
    }

    /** Institutions with the capability whose region starts with the prefix, by code. */
    public List<Institution> withCapability(String regionPrefix, Capability capability) {
        return search(regionPrefix, capability).list();
    }
}
