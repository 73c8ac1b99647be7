package org.xietong.healthcare.expert;

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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Purpose;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/api/v1/healthcare/outreach-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visiting experts", description = "坐诊专家: experts who hold clinics at partner institutions")
public class OutreachScheduleResource {

    private static final String CODE = "[A-Z0-9]{4,32}";
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private final ExpertService experts;
    private final BookingService bookings;
    private final Idempotency idempotency;

    public OutreachScheduleResource(ExpertService experts, BookingService bookings, Idempotency idempotency) {
        this.bookings = bookings;
        this.experts = experts;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "listOutreachSchedules", summary = "List outreach schedules",
            description = "Schedules hosted in your region or of experts based there")
    public Page<ScheduleView> list(@QueryParam("expert") @Pattern(regexp = "[0-9]{1,18}", message = "must be an expert id") String expert,
                                   @QueryParam("host") @Pattern(regexp = CODE, message = "must be 4 to 32 capital letters or digits") String host,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return experts.schedules(expert == null ? null : Long.valueOf(expert), host, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{id}")
    @Operation(operationId = "getOutreachSchedule", summary = "Get an outreach schedule",
            description = "One schedule with its next sessions")
    @APIResponse(responseCode = "200", description = "The schedule with its next sessions", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleView.class)))
    public Response get(@PathParam("id") long id) {
        ScheduleView schedule = experts.schedule(id);
        return Response.ok(schedule).tag(Versions.etag(schedule.version())).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{id}/sessions")
    @Operation(operationId = "listOutreachSessions", summary = "List an outreach schedule's clinic sessions",
            description = "The schedule's clinic sessions between from and to (default: the whole schedule)")
    public Page<SessionView> sessions(@PathParam("id") long id,
                                      @QueryParam("from") @Pattern(regexp = DATE, message = "must be a date yyyy-MM-dd") String from,
                                      @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date yyyy-MM-dd") String to,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return experts.sessions(id, date(from, "from"), date(to, "to"), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "createOutreachSchedule", summary = "Schedule an expert's outreach clinics",
            description = "Schedule an expert's clinics at a host in your "
            + "region, from an explicit startDate to at most one year later; an expert of another region's "
            + "institution is only requested (PENDING) until a health officer of that region accepts")
    @APIResponse(responseCode = "201", description = "ACTIVE, with its sessions", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "202", description = "PENDING: the expert's region has yet to accept "
            + "(POST /outreach-schedules/{id}/accept); no sessions until then", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "409", description = "The expert is already booked elsewhere on one of the half-days")
    @APIResponse(responseCode = "422", description = "An unknown expert or host institution, no startDate, an end "
            + "more than a year after it, dates outside the range, no clinic in the range, the first clinic in the past, "
            + "or the Idempotency-Key was used before with a different body")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull ScheduleRequest request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            ScheduleView schedule = experts.createSchedule(request);
            return Response.status(schedule.status() == ScheduleStatus.PENDING ? Response.Status.ACCEPTED : Response.Status.CREATED)
                    .location(uri.getAbsolutePathBuilder().path(String.valueOf(schedule.id())).build())
                    .entity(schedule).tag(Versions.etag(schedule.version())).build();
        });
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "acceptOutreachSchedule", summary = "Accept an outreach schedule",
            description = "Accept another region's schedule of an expert of "
            + "your region (a health officer covering the expert's home): its sessions are created")
    @APIResponse(responseCode = "200", description = "ACTIVE, with its sessions from today on", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "403", description = "You do not cover the expert's home region")
    @APIResponse(responseCode = "404", description = "No such schedule in your scope")
    @APIResponse(responseCode = "409", description = "Not PENDING, every clinic already past, or the expert was "
            + "booked elsewhere on one of the half-days meanwhile")
    public Response accept(@PathParam("id") long id) {
        ScheduleView schedule = experts.acceptSchedule(id);
        return Response.ok(schedule).tag(Versions.etag(schedule.version())).build();
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "declineOutreachSchedule", summary = "Decline or withdraw an outreach schedule",
            description = "Decline a PENDING schedule of an expert of your "
            + "region, or withdraw one your region requested")
    @APIResponse(responseCode = "200", description = "DECLINED; it never gets sessions", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "403", description = "You cover neither the expert's home nor the host")
    @APIResponse(responseCode = "404", description = "No such schedule in your scope")
    @APIResponse(responseCode = "409", description = "Not PENDING")
    public Response decline(@PathParam("id") long id) {
        ScheduleView schedule = experts.declineSchedule(id);
        return Response.ok(schedule).tag(Versions.etag(schedule.version())).build();
    }

    @Schema(name = "OutreachScheduleCancellation")
    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "cancelOutreachSchedule", summary = "Cancel an outreach schedule",
            description = "Cancel a PENDING or ACTIVE schedule with the reason (the expert falls ill, the host closes "
            + "the clinic), as a health officer of the host's or the expert's region; needs If-Match. Every coming "
            + "session is cancelled with its appointments and published as "
            + "org.xietong.healthcare.clinic-session.cancelled.v1, so the host's booking system tells each booked "
            + "patient; past sessions stay as they were.")
    @APIResponse(responseCode = "200", description = "CANCELLED", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "403", description = "You cover neither the expert's home nor the host")
    @APIResponse(responseCode = "404", description = "No such schedule in your scope")
    @APIResponse(responseCode = "409", description = "Declined or cancelled already")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response cancel(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull Cancellation cancellation) {
        ScheduleView schedule = bookings.cancelSchedule(id, cancellation.reason().strip(), ifMatch);
        return Response.ok(schedule).tag(Versions.etag(schedule.version())).build();
    }

    /** JAX-RS answers an unconvertible query parameter with a bare 404; a bad date deserves a 400 problem. */
    private static LocalDate date(String value, String parameter) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter",
                    "'" + parameter + "' is not a valid date: " + value);
        }
    }
}
