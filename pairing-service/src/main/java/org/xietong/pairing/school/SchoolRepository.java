package org.xietong.pairing.school;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.security.RegionScope;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {

    /** Schools a caller may list: its region, narrowed to its own school for a school-bound caller. */
    PanacheQuery<School> visibleTo(RegionScope scope) {
        String region = scope.listingPrefix() + "%";
        return scope.school()
                .map(school -> find("code = ?1 and regionCode like ?2", Sort.by("code"), school, region))
                .orElseGet(() -> find("regionCode like ?1", Sort.by("code"), region));
    }
}
