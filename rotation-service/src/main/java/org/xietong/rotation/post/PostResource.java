package org.xietong.rotation.post;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/rotation/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demand posts", description = "点单 → 派单: receiving schools' needs, dispatched by the district officer")
public class PostResource {

    private final PostService posts;
    private final PostImport imports;
    private final Idempotency idempotency;

    public PostResource(PostService posts, PostImport imports, Idempotency idempotency) {
        this.posts = posts;
        this.imports = imports;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Operation(operationId = "listPosts", summary = "List demand posts",
            description = "Posts under a region (default: yours). Dispatched posts are open to every caller; requested "
            + "and withdrawn ones only within your scope.")
    public Page<PostView> list(@QueryParam("region") @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a GB/T 2260 code or its prefix") String region,
                               @Parameter(description = "Case-insensitive", schema = @Schema(implementation = PostStatus.class))
                               @QueryParam("status") String status,
                               @Parameter(description = "Case-insensitive", schema = @Schema(implementation = PostMode.class))
                               @QueryParam("mode") String mode,
                               @QueryParam("school") @Pattern(regexp = "[0-9]{10}", message = "must be a 10-digit school code") String school,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return posts.search(region, QueryParams.enumOf(PostStatus.class, status, "status"),
                QueryParams.enumOf(PostMode.class, mode, "mode"), school, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The post", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @Operation(operationId = "getPost", summary = "Get a demand post",
            description = "One post, with its open seats.")
    public Response get(@PathParam("id") long id) {
        PostView post = posts.get(id);
        return Response.ok(post).tag(Versions.etag(post.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "201", description = "The requested post", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @Operation(operationId = "requestPost", summary = "Request a demand post",
            description = "Request a post for a school in your scope (点单); publishes org.xietong.rotation.post.requested.v1.")
    @APIResponse(responseCode = "422", description = "The school is not a registered school of the region")
    public Response request(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull PostRequest request,
                            UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            PostView post = posts.request(request);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(post.id())).build())
                    .entity(post).tag(Versions.etag(post.version())).build();
        });
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @Operation(operationId = "importPosts", summary = "Request demand posts from CSV",
            description = "CSV in UTF-8 (BOM optional) with the header schoolCode,subject,level,seats,mode,startDate"
            + "[,months,endDate,minTitle,minBackbone,preferredTags,description] (the term as months or an end date; "
            + "tags separated by ';'): each row requests a post (点单) for a school in your scope, published like "
            + "requestPost. A row naming the school, subject, level, mode and start date of a post still open counts "
            + "unchanged, so a file imported twice requests nothing twice. mode=ALL_OR_NOTHING (default) stores "
            + "nothing if a row is rejected and answers 422 with the report; PER_ROW stores the good rows.")
    @APIResponse(responseCode = "200", description = "What was imported and what was refused, by row",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "A row was rejected in ALL_OR_NOTHING mode; nothing was stored (the problem's report extension lists the rows)")
    public Response importCsv(@Parameter(description = "Case-insensitive; per-row is read as PER_ROW",
            schema = @Schema(implementation = ImportMode.class)) @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode,
                              String csv) {
        return RowChecks.response(imports.run(csv == null ? "" : csv, ImportMode.of(mode)));
    }

    @POST
    @Path("{id}/dispatch")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The dispatched post", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @Operation(operationId = "dispatchPost", summary = "Dispatch a demand post",
            description = "Dispatch a requested post (派单): it joins the next matching runs.")
    @APIResponse(responseCode = "409", description = "The post is not REQUESTED")
    public Response dispatch(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostView post = posts.dispatch(id, ifMatch);
        return Response.ok(post).tag(Versions.etag(post.version())).build();
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "200", description = "The withdrawn post", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostView.class)))
    @Operation(operationId = "withdrawPost", summary = "Withdraw a post's open seats",
            description = "Withdraw a post's open seats.")
    @APIResponse(responseCode = "409", description = "The post is already withdrawn")
    public Response withdraw(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostView post = posts.withdraw(id, ifMatch);
        return Response.ok(post).tag(Versions.etag(post.version())).build();
    }
}
