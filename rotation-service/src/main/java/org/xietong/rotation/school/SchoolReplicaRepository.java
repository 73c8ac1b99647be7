package org.xietong.rotation.school;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SchoolReplicaRepository implements PanacheRepositoryBase<SchoolReplica, String> {

    PanacheQuery<SchoolReplica> inRegion(String regionPrefix) {
        return find("regionCode like ?1", Sort.by("code"), regionPrefix + "%");
    }
}
