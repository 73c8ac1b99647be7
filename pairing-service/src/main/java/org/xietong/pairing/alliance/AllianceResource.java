package org.xietong.pairing.alliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.xietong.pairing.activity.ActivityService;
import org.xietong.pairing.activity.ActivityView;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/pairing/alliances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alliances", description = "Education groups, alliances (集团化办学, 联盟) and school districts (学区), their members, activities and four integrations")
public class AllianceResource {

    private static final String CODE = "[0-9]{10}";

    @Schema(name = "FormAlliance")
    public record FormAlliance(@NotBlank @Size(max = 200) String name,
                               @Schema(description = "EDUCATION_GROUP (集团化办学, the default), ALLIANCE (联盟) or "
                                       + "SCHOOL_DISTRICT (学区: schools of the lead school's region only, each in one "
                                       + "district)") AllianceKind kind,
                               @NotNull @Pattern(regexp = CODE) String leadSchool,
                               @NotNull @Size(max = 200) List<@NotNull @Pattern(regexp = CODE) String> members) {
    }

    @Schema(name = "JoinAlliance")
    public record Join(@NotNull @Pattern(regexp = CODE) String school) {
    }

    @Schema(name = "AllianceIntegrationChange")
    public record IntegrationChange(@NotNull IntegrationStatus status, @Size(max = 2000) String notes) {
    }

    private final AllianceService service;
    private final ActivityService activities;
    private final Idempotency idempotency;

    public AllianceResource(AllianceService service, ActivityService activities, Idempotency idempotency) {
        this.service = service;
        this.activities = activities;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "listAlliances", summary = "List education alliances",
            description = "Education groups, alliances (集团化办学, 联盟) and school districts (学区) with a member in your "
                    + "region; `kind` narrows to one kind.")
    public Page<AllianceView> list(@Parameter(description = "Case-insensitive", schema = @Schema(implementation = AllianceKind.class))
                                   @QueryParam("kind") String kind,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(QueryParams.enumOf(AllianceKind.class, kind, "kind"), page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("{id}")
    @Operation(operationId = "getAlliance", summary = "Get an alliance",
            description = "One alliance with a member in your region; its ETag goes back in If-Match to change an integration.")
    @APIResponse(responseCode = "200", description = "The alliance", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllianceView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @GET
    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("{id}/activities")
    @Operation(operationId = "listAllianceActivities", summary = "List an alliance's activities",
            description = "The activities an education group, alliance or school district hosts (教研, 名师讲堂, allied "
                    + "teacher exchanges ...), newest first, for whoever may see the alliance.")
    public Page<ActivityView> listForAlliance(@PathParam("id") UUID id,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return activities.listForAlliance(id, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "formAlliance", summary = "Form an alliance",
            description = "Forms an education group, alliance or school district (`kind`) around a lead school of your "
                    + "region; all four integrations start NOT_STARTED. A school district holds schools of the lead "
                    + "school's region only, each school in one district. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The new alliance (a repeated Idempotency-Key replays it with Idempotent-Replayed: true)", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllianceView.class)))
    @APIResponse(responseCode = "409", description = "A school is listed as a member twice, or is already in another school district")
    @APIResponse(responseCode = "422", description = "A school named is not registered, or a school district names a school of another region")
    public Response form(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull FormAlliance request,
                         UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            AllianceView alliance = service.form(request.name(), request.kind(), request.leadSchool(), request.members());
            return Response.created(uri.getAbsolutePathBuilder().path(alliance.id().toString()).build())
                    .entity(alliance).tag(Versions.etag(alliance.version())).build();
        });
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "addAllianceMember", summary = "Add a school to an alliance",
            description = "Adds a member school to an alliance you govern.")
    @APIResponse(responseCode = "200", description = "The alliance with its new member", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllianceView.class)))
    @APIResponse(responseCode = "409", description = "The school is already a member, or already in another school district")
    @APIResponse(responseCode = "422", description = "The school is not registered, or a school district's school is of another region")
    public Response join(@PathParam("id") UUID id, @Valid @NotNull Join join) {
        return ok(service.join(id, join.school()));
    }

    @DELETE
    @Path("{id}/members/{school}")

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "removeAllianceMember", summary = "Remove a school from an alliance",
            description = "Removes a member school from an alliance you govern; the lead school stays.")
    @APIResponse(responseCode = "200", description = "The alliance without the member", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllianceView.class)))
    @APIResponse(responseCode = "422", description = "The school is the alliance's lead school")
    public Response leave(@PathParam("id") UUID id, @PathParam("school") @Pattern(regexp = CODE) String school) {
        return ok(service.leave(id, school));
    }

    @PUT
    @Path("{id}/integrations/{area}")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "setAllianceIntegration", summary = "Set an integration's status",
            description = "Sets the status of one integration area (MANAGEMENT, TEACHING_RESEARCH, STAFF, AFTER_SCHOOL) of an alliance; needs If-Match.")
    @APIResponse(responseCode = "200", description = "The alliance", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllianceView.class)))
    public Response integrate(@PathParam("id") UUID id,
                              @Parameter(description = "Case-insensitive", schema = @Schema(implementation = IntegrationArea.class))
                              @PathParam("area") String area,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull IntegrationChange change) {
        return ok(service.integrate(id, QueryParams.enumOf(IntegrationArea.class, area, "area"), change.status(),
                change.notes(), ifMatch));
    }

    private static Response ok(AllianceView alliance) {
        return Response.ok(alliance).tag(Versions.etag(alliance.version())).build();
    }
}
