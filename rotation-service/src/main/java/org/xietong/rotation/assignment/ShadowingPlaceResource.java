package org.xietong.rotation.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.util.UUID;

/**
 * A cross-province agreement's shadowing (跟岗) places, as the sending region's education authority answers them for
 * its teachers: its officers, or its partner system granted rotation:places.
 */
@Path("/api/v1/rotation/shadowing-places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shadowing places", description = "跟岗: the places offered to a region's teachers, answered by its authority")
public class ShadowingPlaceResource {

    private static final String NOT_FOUND = "No shadowing place offered to a teacher of your region has this id";

    private final AssignmentService assignments;

    public ShadowingPlaceResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @RolesAllowed(Purpose.Names.ROTATION_PLACES)
    @Operation(operationId = "listShadowingPlaces", summary = "List shadowing places offered to your teachers",
            description = "The shadowing places offered to teachers of your region (the sending side), newest first; "
                    + "'status' narrows them (PROPOSED for those awaiting an answer).")
    public Page<ShadowingPlaceView> list(@Parameter(description = "Case-insensitive", schema = @Schema(
                                                 type = SchemaType.STRING, enumeration = {"PROPOSED", "ACCEPTED",
                                                 "DECLINED", "REJECTED", "CONFIRMED", "IN_SERVICE", "COMPLETED",
                                                 "EVALUATED", "TERMINATED"}))
                                         @QueryParam("status") @Size(max = 20) String status,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return assignments.shadowingPlaces(QueryParams.enumOf(AssignmentStatus.class, status, "status"), page, size);
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Purpose.Names.ROTATION_PLACES)
    @Operation(operationId = "acceptShadowingPlace", summary = "Accept a shadowing place for your teacher",
            description = "接单 for the teacher: the sending region's authority accepts a proposed shadowing place; "
                    + "publishes org.xietong.rotation.assignment.accepted.v1.")
    @APIResponse(responseCode = "200", description = "The place, accepted",
            headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShadowingPlaceView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The place is not PROPOSED")
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(assignments.acceptPlace(id, ifMatch));
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Purpose.Names.ROTATION_PLACES)
    @Operation(operationId = "declineShadowingPlace", summary = "Decline a shadowing place for your teacher",
            description = "The sending region's authority declines a proposed shadowing place; the seat is open to the "
                    + "next run. Publishes org.xietong.rotation.assignment.declined.v1.")
    @APIResponse(responseCode = "200", description = "The place, declined",
            headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ShadowingPlaceView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The place is not PROPOSED")
    public Response decline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid AssignmentResource.Decline decline) {
        return ok(assignments.declinePlace(id, ifMatch, decline == null ? null : decline.reason()));
    }

    private static Response ok(ShadowingPlaceView place) {
        return Response.ok(place).tag(Versions.etag(place.version())).build();
    }
}
