package org.xietong.healthcare.expert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.xietong.platform.security.Purpose;

@Path("/api/v1/healthcare/experts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visiting experts", description = "坐诊专家: experts who hold clinics at partner institutions")
public class ExpertResource {

    private final ExpertService experts;
    private final Idempotency idempotency;

    public ExpertResource(ExpertService experts, Idempotency idempotency) {
        this.experts = experts;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "listExperts", summary = "List visiting experts",
            description = "Experts based in your region or holding clinics there")
    public Page<ExpertView> list(@QueryParam("specialty") @Size(max = 60) String specialty,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return experts.search(specialty, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{id}")
    @Operation(operationId = "getExpert", summary = "Get a visiting expert",
            description = "One expert")
    @APIResponse(responseCode = "200", description = "The expert", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExpertView.class)))
    public Response get(@PathParam("id") long id) {
        ExpertView expert = experts.get(id);
        return Response.ok(expert).tag(Versions.etag(expert.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_CARE)
    @Operation(operationId = "registerExpert", summary = "Register a visiting expert",
            description = "Register an expert of an institution you answer for")
    @APIResponse(responseCode = "201", description = "The registered expert (replayed with Idempotent-Replayed: true for a repeated Idempotency-Key)", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExpertView.class)))
    @APIResponse(responseCode = "422", description = "The home institution is unknown, or the Idempotency-Key was used before with a different body")
    public Response register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull ExpertRequest request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            ExpertView expert = experts.register(request);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(expert.id())).build())
                    .entity(expert).tag(Versions.etag(expert.version())).build();
        });
    }
}
