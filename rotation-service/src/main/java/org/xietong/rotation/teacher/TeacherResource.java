package org.xietong.rotation.teacher;

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

@Path("/api/v1/rotation/teachers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teachers", description = "Teachers and their rotation profile; resident IDs are masked except for officers and the teacher")
public class TeacherResource {

    private final TeacherService service;
    private final TeacherImport imports;
    private final Idempotency idempotency;

    public TeacherResource(TeacherService service, TeacherImport imports, Idempotency idempotency) {
        this.service = service;
        this.imports = imports;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Operation(operationId = "listTeachers", summary = "List teachers",
            description = "Teachers in your scope (a teacher sees only themselves), by id.")
    public Page<TeacherView> list(@QueryParam("school") @Pattern(regexp = "[0-9]{10}", message = "must be a 10-digit school code") String school,
                                  @Parameter(description = "Case-insensitive", schema = @Schema(implementation = Subject.class))
                                  @QueryParam("subject") String subject,
                                  @Parameter(description = "Case-insensitive", schema = @Schema(implementation = TeacherStatus.class))
                                  @QueryParam("status") String status,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.search(school, QueryParams.enumOf(Subject.class, subject, "subject"),
                QueryParams.enumOf(TeacherStatus.class, status, "status"), page, size);
    }

    @GET
    @Path("{id}")

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @APIResponse(responseCode = "200", description = "The teacher", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeacherView.class)))
    @Operation(operationId = "getTeacher", summary = "Get a teacher",
            description = "One teacher; the ETag goes back in If-Match to change them.")
    public Response get(@PathParam("id") long id) {
        TeacherView teacher = service.get(id);
        return Response.ok(teacher).tag(Versions.etag(teacher.version())).build();
    }

    @POST

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "201", description = "The registered teacher", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeacherView.class)))
    @Operation(operationId = "registerTeacher", summary = "Register a teacher",
            description = "Register a teacher at a school in your scope. 409 if the staff number or resident ID is "
            + "already another teacher's. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "409", description = "The staff number or resident ID is already registered")
    @APIResponse(responseCode = "422", description = "The school is not a registered school")
    public Response register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull TeacherRequest request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            TeacherView teacher = service.register(request);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(teacher.id())).build())
                    .entity(teacher).tag(Versions.etag(teacher.version())).build();
        });
    }

    @PUT
    @Path("{id}")

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "200", description = "The changed teacher", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeacherView.class)))
    @Operation(operationId = "updateTeacher", summary = "Change a teacher",
            description = "Change a teacher (a transfer is a change of school and join date); needs If-Match.")
    @APIResponse(responseCode = "409", description = "The staff number or resident ID belongs to another teacher")
    @APIResponse(responseCode = "422", description = "The school is not a registered school")
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull TeacherRequest request) {
        TeacherView teacher = service.update(id, request, ifMatch);
        return Response.ok(teacher).tag(Versions.etag(teacher.version())).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @APIResponse(responseCode = "200", description = "What was imported and what was refused, by row",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @Operation(operationId = "importTeachers", summary = "Import teachers from CSV",
            description = "Import teachers from CSV (UTF-8, BOM optional; header staffNumber,name,birthDate,gender,"
            + "subjects,level,title,schoolCode,joinedSchoolOn[,backbone,cadre,tags,status,residentId]; subjects and "
            + "tags separated by ';'); upsert by staff number. mode=ALL_OR_NOTHING (default) stores nothing if a row "
            + "is rejected and answers 422; PER_ROW stores the good rows. The report lists every rejected line.")
    @APIResponse(responseCode = "422", description = "A row was rejected in ALL_OR_NOTHING mode; nothing was stored (the problem's report extension lists the rows)")
    public Response importCsv(@Parameter(description = "Case-insensitive; per-row is read as PER_ROW",
            schema = @Schema(implementation = ImportMode.class)) @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode,
                              String csv) {
        ImportReport report = imports.run(csv == null ? "" : csv, ImportMode.of(mode));
        return RowChecks.response(report);
    }
}
