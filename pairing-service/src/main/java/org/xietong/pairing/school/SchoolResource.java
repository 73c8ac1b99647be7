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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;

@Path("/api/v1/pairing/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "The school registry (学校)")
public class SchoolResource {

    private final SchoolService service;

    public SchoolResource(SchoolService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Schools in your region, by code")
    public Page<SchoolView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One school")
    public SchoolView get(@PathParam("code") @Pattern(regexp = "[0-9]{10}") String code) {
        return service.get(code);
    }

    @POST
    @RolesAllowed({"education-officer", "platform-admin"})
    @Operation(summary = "Register a school in your region; publishes org.xietong.pairing.school.registered.v1")
    public Response register(@Valid @NotNull RegisterSchool request, UriInfo uri) {
        SchoolView school = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(school.code()).build()).entity(school).build();
    }
}
