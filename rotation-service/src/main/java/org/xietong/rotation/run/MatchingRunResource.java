package org.xietong.rotation.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/rotation/matching-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matching", description = "按岗定人: optimal (OR-Tools min-cost flow) or stable (deferred acceptance) matching")
public class MatchingRunResource {

    private final MatchingRunService runs;

    public MatchingRunResource(MatchingRunService runs) {
        this.runs = runs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "201", description = "The run's result", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class)))
    @Operation(operationId = "runMatching", summary = "Run post-driven matching",
            description = "Match a region's dispatched posts in a cycle. OPTIMAL fills as many seats as possible, then "
            + "maximises points (proven optimal); STABLE runs teacher-proposing deferred acceptance over the teachers' "
            + "ranked posts. Proposals become PROPOSED assignments unless dryRun.")
    @APIResponse(responseCode = "409", description = "Teachers of the run were proposed by another run meanwhile; run again")
    @APIResponse(responseCode = "422", description = "A post listed is not among the region's dispatched posts")
    public Response run(@Valid @NotNull RunRequest request, UriInfo uri) {
        RunView run = runs.run(request);
        return Response.created(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).entity(run).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Path("{id}")
    @Operation(operationId = "getMatchingRun", summary = "Get a matching run",
            description = "A run's result.")
    public RunView get(@PathParam("id") UUID id) {
        return runs.get(id);
    }
}
