package org.xietong.rotation.school;

import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.security.Caller;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The schools rotation-service knows (replicated from pairing-service), as the caller may list them. */
@ApplicationScoped
public class SchoolReplicaService {

    public record SchoolView(String code, String name, String regionCode, Double latitude, Double longitude,
                             Set<String> linkedSchools, Instant updatedAt) {
    }

    private final SchoolReplicaRepository replicas;
    private final SchoolLinks links;
    private final Caller caller;

    public SchoolReplicaService(SchoolReplicaRepository replicas, SchoolLinks links, Caller caller) {
        this.replicas = replicas;
        this.links = links;
        this.caller = caller;
    }

    /** Schools in the caller's region by code, each with the schools linked to it. */
    public Page<SchoolView> list(int page, int size) {
        Page<SchoolReplica> found = Pages.of(replicas.inRegion(caller.listingPrefix()), page, size, s -> s);
        Map<String, Set<String>> partners = links.partnersBySchool(found.items().stream().map(s -> s.code).toList());
        return new Page<>(found.items().stream().map(s -> new SchoolView(s.code, s.name, s.regionCode, s.latitude,
                s.longitude, partners.getOrDefault(s.code, Set.of()), s.updatedAt)).toList(), page, size, found.total());
    }
}
