package org.xietong.healthcare.institution;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/healthcare/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions", description = "Medical institutions (医疗机构): grade, type and capabilities")
public class InstitutionResource {

    private static final String CODE = "[A-Z0-9]{4,32}";

    private final InstitutionService institutions;
    private final InstitutionImport imports;

    public InstitutionResource(InstitutionService institutions, InstitutionImport imports) {
        this.institutions = institutions;
        this.imports = imports;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "listInstitutions", summary = "List institutions",
            description = "Institutions in your region, by code; narrow by region prefix and capability")
    public Page<InstitutionView> list(@QueryParam("region") @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a GB/T 2260 code or its prefix") String region,
                                      @Parameter(description = "Case-insensitive", schema = @Schema(implementation = Capability.class))
                                             @QueryParam("capability") String capability,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return institutions.search(region, QueryParams.enumOf(Capability.class, capability, "capability"), page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{code}")
    @Operation(operationId = "getInstitution", summary = "Get an institution",
            description = "One institution; its ETag goes back in If-Match to change it")
    @APIResponse(responseCode = "200", description = "The institution", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstitutionView.class)))
    public Response get(@PathParam("code") @Pattern(regexp = CODE) String code) {
        InstitutionView institution = institutions.get(code);
        return Response.ok(institution).tag(Versions.etag(institution.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "registerInstitution", summary = "Register an institution",
            description = "Register an institution in your region")
    @APIResponse(responseCode = "201", description = "The registered institution", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "409", description = "An institution with this code is already registered")
    public Response register(@Valid @NotNull InstitutionRequest request, UriInfo uri) {
        InstitutionView institution = institutions.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(institution.code()).build()).entity(institution)
                .tag(Versions.etag(institution.version())).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "importInstitutions", summary = "Import institutions from CSV",
            description = "CSV in UTF-8 (BOM optional) with the header code,name,regionCode[,level,type,capabilities,"
            + "latitude,longitude] (capabilities separated by ';'); upsert by code, within your region. "
            + "mode=ALL_OR_NOTHING (default) stores nothing if a row is rejected and answers 422 with the report; "
            + "PER_ROW stores the good rows. The report lists every rejected line with its reason.")
    @APIResponse(responseCode = "200", description = "What was imported and what was refused, by row",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "A row was rejected in ALL_OR_NOTHING mode; nothing was stored (the problem's report extension lists the rows)")
    public Response importCsv(@Parameter(description = "Case-insensitive; per-row is read as PER_ROW",
            schema = @Schema(implementation = ImportMode.class)) @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode,
                              String csv) {
        return RowChecks.response(imports.run(csv == null ? "" : csv, ImportMode.of(mode)));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_MANAGE)
    @Operation(operationId = "updateInstitution", summary = "Update an institution",
            description = "Change an institution's name, grade, type, capabilities or location; needs If-Match")
    @APIResponse(responseCode = "200", description = "The updated institution", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "422", description = "The code or region would change (they never do)")
    public Response update(@PathParam("code") @Pattern(regexp = CODE) String code,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull InstitutionRequest request) {
        InstitutionView institution = institutions.update(code, request, ifMatch);
        return Response.ok(institution).tag(Versions.etag(institution.version())).build();
    }
}
