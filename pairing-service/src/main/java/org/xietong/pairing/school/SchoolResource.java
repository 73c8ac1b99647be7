package org.xietong.pairing.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/pairing/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "The school registry (学校)")
public class SchoolResource {

    private static final String CODE = "[0-9]{10}";

    private final SchoolService service;
    private final SchoolImport imports;
    private final Idempotency idempotency;
    private final Caller caller;

    public SchoolResource(SchoolService service, SchoolImport imports, Idempotency idempotency, Caller caller) {
        this.service = service;
        this.imports = imports;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(summary = "Schools in your region, by code; narrow by region prefix, location type, level, name")
    public Page<SchoolView> list(
            @QueryParam("region") @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a GB/T 2260 code or its prefix") String region,
            @QueryParam("type") String type,
            @QueryParam("level") String level,
            @QueryParam("name") @Size(max = 100) String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.search(new SchoolSearch(region, QueryParams.enumOf(LocationType.class, type, "type"),
                QueryParams.enumOf(SchoolLevel.class, level, "level"), name), page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("{code}")
    @Operation(summary = "One school; its ETag goes back in If-Match to change it")
    public Response get(@PathParam("code") @Pattern(regexp = CODE) String code) {
        SchoolView school = service.get(code);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @POST

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(summary = "Register a school in your region; publishes org.xietong.pairing.school.registered.v1. "
            + "Send an Idempotency-Key to make retries safe.")
    public Response register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @NotNull RegisterSchool request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            SchoolView school = service.register(request);
            return Response.created(uri.getAbsolutePathBuilder().path(school.code()).build())
                    .entity(school).tag(Versions.etag(school.version())).build();
        });
    }

    @PUT
    @Path("{code}")

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(summary = "Change a school's details; needs If-Match with the ETag you read. "
            + "Publishes org.xietong.pairing.school.updated.v1.")
    public Response update(@PathParam("code") @Pattern(regexp = CODE) String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SchoolProfile request) {
        SchoolView school = service.update(code, request, ifMatch);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @DELETE
    @Path("{code}")

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(summary = "Remove a school nothing refers to; needs If-Match. Publishes org.xietong.pairing.school.removed.v1.")
    public Response remove(@PathParam("code") @Pattern(regexp = CODE) String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.remove(code, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(summary = "Import schools from CSV (UTF-8, BOM optional; header code,name,regionCode,locationType,level"
            + "[,latitude,longitude,studentCount,qualityResource]); upsert by code. mode=ALL_OR_NOTHING (default) stores "
            + "nothing if a row is rejected and answers 422; PER_ROW stores the good rows. The report lists every "
            + "rejected line with its reason.")
    public Response importCsv(@QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode, String csv) {
        ImportMode parsed = QueryParams.enumOf(ImportMode.class, mode.replace('-', '_'), "mode");
        ImportReport report = imports.run(csv == null ? "" : csv, parsed == null ? ImportMode.ALL_OR_NOTHING : parsed,
                caller.scope());
        if (!report.committed()) {
            return Problem.of(422, "import-rejected", "Import rejected",
                            report.rejected() + " of " + report.rows() + " rows are invalid; nothing was stored")
                    .withExtension("report", report).toResponse();
        }
        return Response.ok(report).build();
    }
}
