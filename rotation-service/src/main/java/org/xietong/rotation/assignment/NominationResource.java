package org.xietong.rotation.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.security.Purpose;
import org.xietong.rotation.matching.MatchingResult;

@Path("/api/v1/rotation/teachers/{id}/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "The rotation workflow: acceptance, confirmations, service and evaluation")
public class NominationResource {

    /** A teacher named for a secondment or team-aid place, and why (组织选派). */
    @Schema(name = "Nomination")
    public record Nomination(@NotNull Long postId, MatchingResult.Slot slot, @NotBlank @Size(max = 500) String reason) {
    }

    private final NominationService nominations;

    public NominationResource(NominationService nominations) {
        this.nominations = nominations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @Operation(operationId = "nominateTeacher", summary = "Nominate a teacher for a secondment or team-aid place",
            description = "An education officer of the teacher's region names the teacher for a dispatched secondment "
            + "(挂职) or team-aid (组团式) post with the reason: an organisational nomination, not subject to the "
            + "years-at-school rule or a matching run. The assignment is PROPOSED (no runId) and goes through "
            + "acceptance and both districts' confirmations like any other; slot LEADER names a team's leader. "
            + "Publishes org.xietong.rotation.assignment.proposed.v1.")
    @APIResponse(responseCode = "201", description = "The proposed assignment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "409", description = "The teacher is not active or holds an open assignment, the post is "
            + "not dispatched or full, or its team already has a leader")
    @APIResponse(responseCode = "422", description = "No such post, or a post filled through a matching run")
    public Response nominate(@PathParam("id") long id, @Valid @NotNull Nomination nomination) {
        return Response.status(Response.Status.CREATED).entity(nominations.nominate(id, nomination.postId(),
                nomination.slot(), nomination.reason().strip())).build();
    }
}
