package org.xietong.pairing.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;

@Path("/api/v1/pairing/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "The school registry (学校)")
public class SchoolResource {

    private static final String CODE = "[0-9]{10}";

    private final SchoolService service;
    private final Idempotency idempotency;

    public SchoolResource(SchoolService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "Schools in your region, by code")
    public Page<SchoolView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One school; its ETag goes back in If-Match to change it")
    public Response get(@PathParam("code") @Pattern(regexp = CODE) String code) {
        SchoolView school = service.get(code);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @POST
    @RolesAllowed({"education-officer", "platform-admin"})
    @Operation(summary = "Register a school in your region; publishes org.xietong.pairing.school.registered.v1. "
            + "Send an Idempotency-Key to make retries safe.")
    public Response register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull RegisterSchool request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            SchoolView school = service.register(request);
            return Response.created(uri.getAbsolutePathBuilder().path(school.code()).build())
                    .entity(school).tag(Versions.etag(school.version())).build();
        });
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({"education-officer", "platform-admin"})
    @Operation(summary = "Change a school's details; needs If-Match with the ETag you read. "
            + "Publishes org.xietong.pairing.school.updated.v1.")
    public Response update(@PathParam("code") @Pattern(regexp = CODE) String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull UpdateSchool request) {
        SchoolView school = service.update(code, request, ifMatch);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }
}
