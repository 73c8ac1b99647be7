package org.xietong.rotation.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

@Path("/api/v1/rotation/schools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "Schools known to rotation, replicated from pairing-service's events")
public class SchoolReplicaResource {

    public record SchoolView(String code, String name, String regionCode, Double latitude, Double longitude,
                             Set<String> linkedSchools, Instant updatedAt) {
    }

    private final SchoolReplicaRepository replicas;
    private final SchoolLinks links;
    private final Caller caller;

    public SchoolReplicaResource(SchoolReplicaRepository replicas, SchoolLinks links, Caller caller) {
        this.replicas = replicas;
        this.links = links;
        this.caller = caller;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Operation(summary = "Schools in your region, as replicated from pairing-service, with the schools each is "
            + "linked to by an active pairing or an alliance")
    public Page<SchoolView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Page<SchoolReplica> found = Pages.of(replicas.inRegion(caller.listingPrefix()), page, size, s -> s);
        Map<String, Set<String>> partners = links.partnersBySchool(found.items().stream().map(s -> s.code).toList());
        return new Page<>(found.items().stream().map(s -> new SchoolView(s.code, s.name, s.regionCode, s.latitude,
                s.longitude, partners.getOrDefault(s.code, Set.of()), s.updatedAt)).toList(), page, size, found.total());
    }
}
