package org.xietong.healthcare.expert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.util.List;

@Path("/api/v1/healthcare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visiting experts", description = "坐诊专家: experts who hold clinics at partner institutions")
public class ClinicResource {

    private final BookingService bookings;
    private final Idempotency idempotency;

    public ClinicResource(BookingService bookings, Idempotency idempotency) {
        this.bookings = bookings;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("clinic-sessions/{id}")
    @Operation(operationId = "getClinicSession", summary = "Get a clinic session",
            description = "One clinic session with its free seats")
    @APIResponse(responseCode = "200", description = "The session", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    public Response session(@PathParam("id") long id) {
        SessionView session = bookings.session(id);
        return Response.ok(session).tag(Versions.etag(session.version())).build();
    }

    @GET
    @Path("clinic-sessions/{id}/appointments")

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "listAppointments", summary = "List a clinic session's appointments",
            description = "The session's appointments (the host's staff and officers)")
    public List<AppointmentView> appointments(@PathParam("id") long id) {
        return bookings.appointments(id);
    }

    @POST
    @Path("clinic-sessions/{id}/appointments")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "bookAppointment", summary = "Book an appointment",
            description = "Book a seat for a patient (opaque reference); 409 when the session is full")
    @APIResponse(responseCode = "201", description = "The booked appointment (replayed with Idempotent-Replayed: true for a repeated Idempotency-Key)", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "The session is full, or the patient already holds a seat in it")
    @APIResponse(responseCode = "422", description = "The session lies in the past, or the Idempotency-Key was used before with a different body")
    public Response book(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                         @Valid @NotNull AppointmentRequest request, UriInfo uri) {
        // A retried booking must not take a second seat: with a key, the first answer is replayed.
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            AppointmentView appointment = bookings.book(id, request);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/healthcare/appointments")
                    .path(String.valueOf(appointment.id())).build()).entity(appointment).build();
        });
    }

    /** Why the host cancels a clinic session. */
    @Schema(name = "ClinicSessionCancellation")
    public record SessionCancellation(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("clinic-sessions/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "cancelClinicSession", summary = "Cancel a clinic session",
            description = "The host (its staff, or a health officer covering it) cancels a coming session with a "
            + "reason: every booked appointment is cancelled with it and the expert's half-day is free again. "
            + "Published as org.xietong.healthcare.clinic-session.cancelled.v1 with the cancelled appointment ids, "
            + "so the host's booking system tells each patient. Needs If-Match with the session's ETag")
    @APIResponse(responseCode = "200", description = "The cancelled session", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "The session is past or already cancelled")
    @APIResponse(responseCode = "412", description = "If-Match does not name the session's current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response cancelSession(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull SessionCancellation cancellation) {
        SessionView session = bookings.cancelSession(id, cancellation.reason().strip(), ifMatch);
        return Response.ok(session).tag(Versions.etag(session.version())).build();
    }

    @GET
    @Path("appointments/{id}")

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "getAppointment", summary = "Get an appointment",
            description = "One appointment (the host's staff and officers)")
    public AppointmentView appointment(@PathParam("id") long id) {
        return bookings.appointment(id);
    }

    @POST
    @Path("appointments/{id}/cancel")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "cancelAppointment", summary = "Cancel an appointment",
            description = "Cancel an appointment; its seat is free again")
    @APIResponse(responseCode = "200", description = "The cancelled appointment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "The appointment is already cancelled")
    public AppointmentView cancel(@PathParam("id") long id) {
        return bookings.cancel(id);
    }
}
