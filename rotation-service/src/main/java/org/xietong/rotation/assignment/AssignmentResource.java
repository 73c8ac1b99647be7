package org.xietong.rotation.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.util.UUID;

@Path("/api/v1/rotation/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "派单 → 接单 → 评单: the rotation workflow; every step is an event")
public class AssignmentResource {

    @Schema(name = "AssignmentDecline")
    public record Decline(@Size(max = 500) String reason) {
    }

    private final AssignmentService assignments;

    public AssignmentResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Operation(operationId = "listAssignments", summary = "List assignments",
            description = "Assignments from or to schools in your scope (a teacher sees their own)")
    public Page<AssignmentView> list(@QueryParam("region") @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a GB/T 2260 code or its prefix") String region,
                                     @Parameter(description = "Case-insensitive", schema = @Schema(implementation = AssignmentStatus.class))
                                     @QueryParam("status") String status,
                                     @QueryParam("teacher") Long teacher,
                                     @QueryParam("run") UUID run,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return assignments.search(region, QueryParams.enumOf(AssignmentStatus.class, status, "status"), teacher, run,
                page, size);
    }

    @GET
    @Path("{id}")

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "getAssignment", summary = "Get an assignment",
            description = "One assignment.")
    public Response get(@PathParam("id") UUID id) {
        return ok(assignments.get(id));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "acceptAssignment", summary = "Accept an assignment",
            description = "接单: the teacher (or their school) accepts a proposed assignment.")
    @APIResponse(responseCode = "409", description = "The assignment is not PROPOSED")
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(assignments.accept(id, ifMatch));
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "declineAssignment", summary = "Decline an assignment",
            description = "The teacher (or their school) declines; the seat is open to the next run.")
    @APIResponse(responseCode = "409", description = "The assignment is not PROPOSED")
    public Response decline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid Decline decline) {
        return ok(assignments.decline(id, ifMatch, decline == null ? null : decline.reason()));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "rejectAssignment", summary = "Reject an assignment",
            description = "A district officer of either school refuses a proposed or accepted assignment; the seat "
            + "and the teacher are free for the next run.")
    @APIResponse(responseCode = "409", description = "The assignment is neither PROPOSED nor ACCEPTED")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid Decline reason) {
        return ok(assignments.reject(id, ifMatch, reason == null ? null : reason.reason()));
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "confirmAssignment", summary = "Confirm an assignment",
            description = "A district officer confirms the side(s) their region covers; with both sides it is CONFIRMED "
            + "and org.xietong.rotation.exchange.confirmed.v1 is published (pairing-service records it as an activity)")
    @APIResponse(responseCode = "409", description = "The assignment is not ACCEPTED, or your side already confirmed it")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(assignments.confirm(id, ifMatch));
    }

    @POST
    @Path("{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "terminateAssignment", summary = "End an assignment early",
            description = "A district officer of either school ends a CONFIRMED or IN_SERVICE assignment early, with "
            + "a reason and the last day served (default today): TERMINATED, the teacher free again; a service that "
            + "had begun enters the growth dossier as served until that day. Publishes "
            + "org.xietong.rotation.assignment.terminated.v1")
    @APIResponse(responseCode = "409", description = "The assignment is neither CONFIRMED nor IN_SERVICE")
    @APIResponse(responseCode = "422", description = "The day given is after the assignment's own end")
    public Response terminate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull Termination termination) {
        return ok(assignments.terminate(id, ifMatch, termination));
    }

    @POST
    @Path("{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The assignment: longer once both sides agreed, else with the extension pending", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "extendAssignment", summary = "Agree to extend an assignment",
            description = "A district officer agrees to make a CONFIRMED or IN_SERVICE assignment longer by 1–24 "
            + "months, with a reason. The first side's agreement waits (pendingExtensionMonths); once the other "
            + "side's officer agrees to the same months (one officer covering both agrees for both) the assignment is "
            + "that much longer and org.xietong.rotation.assignment.extended.v1 is published")
    @APIResponse(responseCode = "409", description = "The assignment is neither CONFIRMED nor IN_SERVICE, the other side agreed to other months, or your side already agreed")
    public Response extend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull Extension extension) {
        return ok(assignments.extend(id, ifMatch, extension));
    }

    @POST
    @Path("{id}/start")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "startAssignment", summary = "Start an assignment",
            description = "The receiving school records that service started.")
    @APIResponse(responseCode = "409", description = "The assignment is not CONFIRMED")
    public Response start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(assignments.start(id, ifMatch));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "completeAssignment", summary = "Complete an assignment",
            description = "The receiving school records that service ended; it enters the teacher's growth dossier.")
    @APIResponse(responseCode = "409", description = "The assignment is not IN_SERVICE")
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(assignments.complete(id, ifMatch));
    }

    @POST
    @Path("{id}/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "200", description = "The assignment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @Operation(operationId = "evaluateAssignment", summary = "Evaluate an assignment",
            description = "评单: the receiving school scores the service 0–100 with comments.")
    @APIResponse(responseCode = "409", description = "The assignment is not COMPLETED")
    public Response evaluate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull Evaluation evaluation) {
        return ok(assignments.evaluate(id, ifMatch, evaluation));
    }

    private static Response ok(AssignmentView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
