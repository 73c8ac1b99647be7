package org.xietong.healthcare.consortium;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

/** Enrolments across regions: the invited institution's health officers accept or decline them. */
@Path("/api/v1/healthcare/consortium-invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consortia", description = "医联体, specialty alliances and remote networks: lead, members, cooperation items")
public class ConsortiumInvitationResource {

    private final ConsortiumService consortia;

    public ConsortiumInvitationResource(ConsortiumService consortia) {
        this.consortia = consortia;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "listConsortiumInvitations", summary = "List consortium invitations",
            description = "Invitations to institutions of your region and "
            + "those your region's consortia sent; filter by status (PENDING, ACCEPTED, DECLINED)")
    public Page<InvitationView> list(@Parameter(description = "Case-insensitive", schema = @Schema(implementation = ConsortiumInvitation.Status.class))
                                             @QueryParam("status") String status,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return consortia.invitations(QueryParams.enumOf(ConsortiumInvitation.Status.class, status, "status"), page, size);
    }

    @GET
    @Path("{id}")

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "getConsortiumInvitation", summary = "Get a consortium invitation",
            description = "One invitation, seen by both sides")
    @APIResponse(responseCode = "200", description = "The invitation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation in your scope")
    public Response get(@PathParam("id") long id) {
        return ok(consortia.invitation(id));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "acceptConsortiumInvitation", summary = "Accept a consortium invitation",
            description = "Accept the enrolment of an institution of your "
            + "region (a health officer covering it): it becomes a member of the consortium")
    @APIResponse(responseCode = "200", description = "Accepted; the institution is a member", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "403", description = "You do not cover the invited institution's region")
    @APIResponse(responseCode = "404", description = "No such invitation in your scope")
    @APIResponse(responseCode = "409", description = "Already accepted or declined")
    public Response accept(@PathParam("id") long id) {
        return ok(consortia.acceptInvitation(id));
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "declineConsortiumInvitation", summary = "Decline or withdraw a consortium invitation",
            description = "Decline the enrolment of an institution of "
            + "your region, or withdraw your region's invitation")
    @APIResponse(responseCode = "200", description = "Declined; the institution is not a member", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "403", description = "You cover neither side of the invitation")
    @APIResponse(responseCode = "404", description = "No such invitation in your scope")
    @APIResponse(responseCode = "409", description = "Already accepted or declined")
    public Response decline(@PathParam("id") long id) {
        return ok(consortia.declineInvitation(id));
    }

    private static Response ok(InvitationView invitation) {
        return Response.ok(invitation).tag(Versions.etag(invitation.version())).build();
    }
}
