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
import org.xietong.platform.security.Purpose;

@Path("/api/v1/rotation/schools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "Schools known to rotation, replicated from pairing-service's events")
public class SchoolReplicaResource {

    private final SchoolReplicaService schools;

    public SchoolReplicaResource(SchoolReplicaService schools) {
        this.schools = schools;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Operation(operationId = "listRotationSchools", summary = "List schools for rotation",
            description = "Schools in your region, as replicated from pairing-service, with the schools each is "
            + "linked to by an active pairing or an alliance.")
    public Page<SchoolReplicaService.SchoolView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return schools.list(page, size);
    }
}
