package org.xietong.pairing.school;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {

    PanacheQuery<School> inRegion(String regionPrefix) {
        return find("regionCode like ?1", Sort.by("code"), regionPrefix + "%");
    }
}
