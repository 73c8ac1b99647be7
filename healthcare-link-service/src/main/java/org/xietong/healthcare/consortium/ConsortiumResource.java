package org.xietong.healthcare.consortium;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.util.List;

@Path("/api/v1/healthcare/consortia")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consortia", description = "医联体, specialty alliances and remote networks: lead, members, cooperation items")
public class ConsortiumResource {

    private static final String CODE = "[A-Z0-9]{4,32}";

    private final ConsortiumService consortia;
    private final Idempotency idempotency;

    public ConsortiumResource(ConsortiumService consortia, Idempotency idempotency) {
        this.consortia = consortia;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "listConsortia", summary = "List consortia",
            description = "Consortia with a member in your scope; narrow by kind and member institution")
    public Page<ConsortiumView> list(@Parameter(description = "Case-insensitive", schema = @Schema(implementation = ConsortiumKind.class))
                                             @QueryParam("kind") String kind,
                                     @QueryParam("member") @Pattern(regexp = CODE, message = "must be 4 to 32 capital letters or digits") String member,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return consortia.search(QueryParams.enumOf(ConsortiumKind.class, kind, "kind"), member, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{id}")
    @Operation(operationId = "getConsortium", summary = "Get a consortium",
            description = "One consortium with its members; its ETag goes back in If-Match to change it")
    @APIResponse(responseCode = "200", description = "The consortium with its members", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    public Response get(@PathParam("id") long id) {
        ConsortiumView consortium = consortia.get(id);
        return Response.ok(consortium).tag(Versions.etag(consortium.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "createConsortium", summary = "Create a consortium",
            description = "Create a consortium led by an institution in your region; the lead is its first member")
    @APIResponse(responseCode = "201", description = "The new consortium (replayed with Idempotent-Replayed: true for a repeated Idempotency-Key)", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    @APIResponse(responseCode = "422", description = "The lead institution is unknown, or the Idempotency-Key was used before with a different body")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ConsortiumRequest request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            ConsortiumView consortium = consortia.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(consortium.id())).build())
                    .entity(consortium).tag(Versions.etag(consortium.version())).build();
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "updateConsortium", summary = "Update a consortium",
            description = "Rename or describe a consortium (the lead's officer); needs If-Match")
    @APIResponse(responseCode = "200", description = "The updated consortium", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    @APIResponse(responseCode = "422", description = "The kind or lead would change (they never do)")
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ConsortiumRequest request) {
        ConsortiumView consortium = consortia.update(id, request, ifMatch);
        return Response.ok(consortium).tag(Versions.etag(consortium.version())).build();
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "enrolConsortiumMember", summary = "Enrol an institution in a consortium",
            description = "Enrol an institution in the consortium (the lead's "
            + "officer): one of your region joins at once; one of another region is invited and joins when a health "
            + "officer of its region accepts")
    @APIResponse(responseCode = "201", description = "The institution is a member (the consortium)", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    @APIResponse(responseCode = "202", description = "The institution lies outside your region: an invitation waits "
            + "for its region's health officer (POST /consortium-invitations/{id}/accept)",
            headers = {@Header(name = "Location", description = "The invitation"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "Already a member, or already invited")
    @APIResponse(responseCode = "422", description = "The institution is unknown")
    public Response join(@PathParam("id") long id, @Valid @NotNull MemberRequest request, UriInfo uri) {
        ConsortiumService.Enrolment enrolment = consortia.join(id, request);
        if (enrolment.invitation() != null) {
            InvitationView invitation = enrolment.invitation();
            return Response.accepted(invitation).tag(Versions.etag(invitation.version()))
                    .location(uri.getBaseUriBuilder().path(ConsortiumInvitationResource.class)
                            .path(String.valueOf(invitation.id())).build()).build();
        }
        ConsortiumView consortium = enrolment.consortium();
        return Response.status(Response.Status.CREATED).entity(consortium).tag(Versions.etag(consortium.version())).build();
    }

    @DELETE
    @Path("{id}/members/{code}")

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "removeConsortiumMember", summary = "Withdraw a member from a consortium",
            description = "Withdraw an institution in your region from the consortium (never the lead)")
    @APIResponse(responseCode = "200", description = "The consortium without the member", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    @APIResponse(responseCode = "409", description = "The institution is the consortium's lead, which never leaves")
    public Response leave(@PathParam("id") long id, @PathParam("code") @Pattern(regexp = CODE) String code) {
        ConsortiumView consortium = consortia.leave(id, code);
        return Response.ok(consortium).tag(Versions.etag(consortium.version())).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{id}/items")
    @Operation(operationId = "listCooperationItems", summary = "List a consortium's cooperation items",
            description = "The consortium's cooperation items")
    public List<CooperationItemView> items(@PathParam("id") long id) {
        return consortia.items(id);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{id}/items/{item}")
    @Operation(operationId = "getCooperationItem", summary = "Get a cooperation item",
            description = "One cooperation item with its ETag")
    @APIResponse(responseCode = "200", description = "The cooperation item", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CooperationItemView.class)))
    public Response item(@PathParam("id") long id, @PathParam("item") long item) {
        CooperationItemView view = consortia.item(id, item);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "addCooperationItem", summary = "Add a cooperation item",
            description = "Add a cooperation item (an officer covering a member)")
    @APIResponse(responseCode = "201", description = "The new cooperation item", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CooperationItemView.class)))
    public Response addItem(@PathParam("id") long id, @Valid @NotNull CooperationItemRequest request, UriInfo uri) {
        CooperationItemView item = consortia.addItem(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(item.id())).build()).entity(item)
                .tag(Versions.etag(item.version())).build();
    }

    @PUT
    @Path("{id}/items/{item}")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "updateCooperationItem", summary = "Update a cooperation item",
            description = "Change a cooperation item; its status only moves forward (PLANNED → ACTIVE → DONE); needs If-Match")
    @APIResponse(responseCode = "200", description = "The updated cooperation item", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CooperationItemView.class)))
    @APIResponse(responseCode = "409", description = "The status would move backwards (PLANNED → ACTIVE → DONE only)")
    public Response updateItem(@PathParam("id") long id, @PathParam("item") long item,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull CooperationItemRequest request) {
        CooperationItemView view = consortia.updateItem(id, item, request, ifMatch);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
