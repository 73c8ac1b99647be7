package org.xietong.healthcare.institution;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, String> {

    PanacheQuery<Institution> inRegion(String regionPrefix) {
        return find("regionCode like ?1", Sort.by("code"), regionPrefix + "%");
    }
}
