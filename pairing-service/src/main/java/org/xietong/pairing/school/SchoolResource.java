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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
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
    @Operation(operationId = "listSchools", summary = "List schools",
            description = "Schools in your region, by code; narrow by region prefix, location type, level and name. Any pairing reader may call it.")
    public Page<SchoolView> list(
            @QueryParam("region") @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a GB/T 2260 code or its prefix") String region,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = LocationType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = SchoolLevel.class))
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
    @Operation(operationId = "getSchool", summary = "Get a school",
            description = "One school of your region; its ETag goes back in If-Match to change it.")
    @APIResponse(responseCode = "200", description = "The school", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)))
    public Response get(@PathParam("code") @Pattern(regexp = CODE) String code) {
        SchoolView school = service.get(code);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @POST

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "registerSchool", summary = "Register a school",
            description = "Registers a school in your region (education officers); publishes org.xietong.pairing.school.registered.v1. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The registered school (a repeated Idempotency-Key replays it with Idempotent-Replayed: true)", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "409", description = "A school with this code is already registered")
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
    @Operation(operationId = "updateSchool", summary = "Change a school",
            description = "Changes a school's details; needs If-Match with the ETag you read. Publishes org.xietong.pairing.school.updated.v1.")
    @APIResponse(responseCode = "200", description = "The changed school", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)))
    public Response update(@PathParam("code") @Pattern(regexp = CODE) String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SchoolProfile request) {
        SchoolView school = service.update(code, request, ifMatch);
        return Response.ok(school).tag(Versions.etag(school.version())).build();
    }

    @DELETE
    @Path("{code}")

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "removeSchool", summary = "Remove a school",
            description = "Removes a school nothing refers to; needs If-Match. Publishes org.xietong.pairing.school.removed.v1.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "A pairing, alliance, shared facility, booking or activity refers to the school")
    public Response remove(@PathParam("code") @Pattern(regexp = CODE) String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.remove(code, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "importSchools", summary = "Import schools from CSV",
            description = "CSV in UTF-8 (BOM optional) with the header code,name,regionCode,locationType,level[,latitude,longitude,studentCount,qualityResource]; upsert by code, within your region. mode=ALL_OR_NOTHING (default) stores nothing if a row is rejected and answers 422 with the report; PER_ROW stores the good rows. The report lists every rejected line with its reason.")
    @APIResponse(responseCode = "200", description = "What was imported and what was refused, by row", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "A row was rejected in ALL_OR_NOTHING mode; nothing was stored (the problem's report extension lists the rows)")
    public Response importCsv(@Parameter(description = "Case-insensitive; per-row is read as PER_ROW",
            schema = @Schema(implementation = ImportMode.class)) @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode,
                              String csv) {
        ImportReport report = imports.run(csv == null ? "" : csv, ImportMode.of(mode),
                caller.scope());
        return RowChecks.response(report);
    }
}
