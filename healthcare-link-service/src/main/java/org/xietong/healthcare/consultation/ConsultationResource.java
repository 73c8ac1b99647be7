package org.xietong.healthcare.consultation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/healthcare/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remote consultation", description = "远程会诊 between members of a consortium, with an SLA by urgency")
public class ConsultationResource {

    private final ConsultationService consultations;
    private final Idempotency idempotency;

    public ConsultationResource(ConsultationService consultations, Idempotency idempotency) {
        this.consultations = consultations;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "listConsultations", summary = "List consultations",
            description = "Consultations requested by or addressed to institutions in your scope")
    public Page<ConsultationView> list(@Parameter(description = "Case-insensitive", schema = @Schema(implementation = ConsultationStatus.class))
                                             @QueryParam("status") String status,
                                       @QueryParam("institution") @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String institution,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return consultations.search(QueryParams.enumOf(ConsultationStatus.class, status, "status"), institution, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Path("overdue")
    @Operation(operationId = "listOverdueConsultations", summary = "List overdue consultations",
            description = "Open consultations past their SLA deadline, most overdue first")
    public Page<ConsultationView> overdue(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return consultations.overdue(page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Path("{id}")
    @Operation(operationId = "getConsultation", summary = "Get a consultation",
            description = "One consultation; its ETag may go back in If-Match on the next step")
    @APIResponse(responseCode = "200", description = "The consultation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    public Response get(@PathParam("id") long id) {
        return withTag(consultations.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CONSULT)
    @Operation(operationId = "requestConsultation", summary = "Request a consultation",
            description = "Request a consultation from another member of the consortium (URGENT: 2 h, ROUTINE: 48 h)")
    @APIResponse(responseCode = "201", description = "The requested consultation (replayed with Idempotent-Replayed: true for a repeated Idempotency-Key)", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "422", description = "An unknown institution or consortium, a party that is not a member of the consortium, a consultant that is no remote-consultation node, or the Idempotency-Key was used before with a different body")
    public Response request(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Valid @NotNull ConsultationRequest request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            ConsultationView c = consultations.request(request);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.id())).build()).entity(c)
                    .tag(Versions.etag(c.version())).build();
        });
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CONSULT)
    @Operation(operationId = "acceptConsultation", summary = "Accept a consultation",
            description = "The consulting institution accepts")
    @APIResponse(responseCode = "200", description = "The accepted consultation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "The consultation's status does not allow this step")
    public Response accept(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(consultations.accept(id, ifMatch));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.HEALTHCARE_CONSULT)
    @Operation(operationId = "cancelConsultation", summary = "Cancel a consultation",
            description = "The requesting institution withdraws a consultation it no longer needs, with a reason, until "
            + "it is completed; publishes org.xietong.healthcare.consultation.cancelled.v1 so the consulting side "
            + "frees its slot")
    @APIResponse(responseCode = "200", description = "The cancelled consultation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "The consultation is completed, declined or already cancelled")
    public Response cancel(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        return withTag(consultations.cancel(id, request.reason().strip(), ifMatch));
    }

    /** Why the requester withdraws the consultation. */
    @Schema(name = "ConsultationCancellation")
    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CONSULT)
    @Operation(operationId = "declineConsultation", summary = "Decline a consultation",
            description = "The consulting institution declines, with a reason")
    @APIResponse(responseCode = "200", description = "The declined consultation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "The consultation's status does not allow this step")
    public Response decline(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull DeclineRequest request) {
        return withTag(consultations.decline(id, request, ifMatch));
    }

    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CONSULT)
    @Operation(operationId = "scheduleConsultation", summary = "Schedule a consultation",
            description = "The consulting institution sets the time")
    @APIResponse(responseCode = "200", description = "The scheduled consultation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "The consultation's status does not allow this step")
    @APIResponse(responseCode = "422", description = "The time lies in the past")
    public Response schedule(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull ScheduleConsultationRequest request) {
        return withTag(consultations.schedule(id, request, ifMatch));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CONSULT)
    @Operation(operationId = "completeConsultation", summary = "Complete a consultation",
            description = "The consulting institution completes with its report")
    @APIResponse(responseCode = "200", description = "The completed consultation", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "409", description = "The consultation's status does not allow this step")
    public Response complete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull CompleteRequest request) {
        return withTag(consultations.complete(id, request, ifMatch));
    }

    private static Response withTag(ConsultationView c) {
        return Response.ok(c).tag(Versions.etag(c.version())).build();
    }
}
