package org.xietong.rotation.dossier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/rotation/teachers/{id}/dossier")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Growth dossier", description = "成长档案: rotations, shadowing, evaluations, trainings; credits marked")
public class DossierResource {

    private final DossierService dossiers;

    public DossierResource(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Operation(operationId = "getTeacherDossier", summary = "Get a teacher's growth dossier",
            description = "A teacher's growth dossier (the teacher, their school and officers)")
    public DossierService.Dossier get(@PathParam("id") long id) {
        return dossiers.get(id);
    }

    @POST

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new dossier entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DossierService.EntryView.class)))
    @Operation(operationId = "addDossierEntry", summary = "Add a growth dossier entry",
            description = "Add a training, award, research or note; only the school or an officer marks credits.")
    public Response add(@PathParam("id") long id, @Valid @NotNull DossierRequest request) {
        return Response.status(Response.Status.CREATED).entity(dossiers.add(id, request)).build();
    }

    @Schema(name = "DossierEntryWithdrawal")
    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("{entry}/withdraw")
    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawDossierEntry", summary = "Withdraw a growth dossier entry",
            description = "Withdraws an entry written by mistake, with the reason and the entry's version in If-Match "
            + "(listed with it): a teacher their own entries, the school or an officer any hand-written one. The entry stays, marked, and no longer counts for title "
            + "evaluation, awards or credits. Rotations and evaluations are the workflow's (422).")
    @APIResponse(responseCode = "200", description = "The withdrawn entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DossierService.EntryView.class)))
    @APIResponse(responseCode = "409", description = "The entry was withdrawn already")
    @APIResponse(responseCode = "412", description = "If-Match does not name the entry's current version")
    @APIResponse(responseCode = "422", description = "The entry was written by the workflow (workflow-entry)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public DossierService.EntryView withdraw(@PathParam("id") long id, @PathParam("entry") long entry,
                                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Valid @NotNull Withdrawal withdrawal) {
        return dossiers.withdraw(id, entry, withdrawal.reason().strip(), ifMatch);
    }
}
