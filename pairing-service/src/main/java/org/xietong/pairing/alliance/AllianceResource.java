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
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/pairing/alliances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alliances", description = "Education groups and alliances (集团化办学, 联盟) and their four integrations")
public class AllianceResource {

    private static final String CODE = "[0-9]{10}";

    public record FormAlliance(@NotBlank @Size(max = 200) String name,
                               @NotNull @Pattern(regexp = CODE) String leadSchool,
                               @NotNull @Size(max = 200) List<@NotNull @Pattern(regexp = CODE) String> members) {
    }

    public record Join(@NotNull @Pattern(regexp = CODE) String school) {
    }

    public record IntegrationChange(@NotNull IntegrationStatus status, @Size(max = 2000) String notes) {
    }

    private final AllianceService service;
    private final Idempotency idempotency;

    public AllianceResource(AllianceService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(summary = "Alliances with a member in your region")
    public Page<AllianceView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(summary = "Form an alliance around a lead school of your region; all four integrations start NOT_STARTED")
    public Response form(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull FormAlliance request,
                         UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            AllianceView alliance = service.form(request.name(), request.leadSchool(), request.members());
            return Response.created(uri.getAbsolutePathBuilder().path(alliance.id().toString()).build())
                    .entity(alliance).tag(Versions.etag(alliance.version())).build();
        });
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    public Response join(@PathParam("id") UUID id, @Valid @NotNull Join join) {
        return ok(service.join(id, join.school()));
    }

    @DELETE
    @Path("{id}/members/{school}")

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    public Response leave(@PathParam("id") UUID id, @PathParam("school") @Pattern(regexp = CODE) String school) {
        return ok(service.leave(id, school));
    }

    @PUT
    @Path("{id}/integrations/{area}")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(summary = "Set the status of one integration (MANAGEMENT, TEACHING_RESEARCH, STAFF, AFTER_SCHOOL); needs If-Match")
    public Response integrate(@PathParam("id") UUID id, @PathParam("area") String area,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull IntegrationChange change) {
        return ok(service.integrate(id, QueryParams.enumOf(IntegrationArea.class, area, "area"), change.status(),
                change.notes(), ifMatch));
    }

    private static Response ok(AllianceView alliance) {
        return Response.ok(alliance).tag(Versions.etag(alliance.version())).build();
    }
}
