package org.xietong.rotation.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.xietong.platform.csv.CsvExport;
import org.xietong.platform.api.Page;
import org.xietong.platform.security.Purpose;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/rotation/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "Who must rotate in a cycle, and the rule that decided it")
public class EligibilityResource {

    private final EligibilityService eligibility;

    public EligibilityResource(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @Operation(operationId = "listEligibility", summary = "List teachers' eligibility",
            description = "Teachers of a region in your scope with their eligibility in a cycle (ELIGIBLE, EXEMPT, "
            + "NOT_YET) and the rule that decided it; filter by status. A region of more than 100,000 teachers is "
            + "refused (400 roster-too-wide): ask for a city or a district.")
    public Page<EligibilityService.EligibilityView> list(
            @QueryParam("region") @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String region,
            @QueryParam("cycle") @NotNull @Min(2000) @Max(2100) Integer cycle,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = Eligibility.Status.class))
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return eligibility.list(region, cycle, status, page, size);
    }

    @GET
    @Path("export")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @Operation(operationId = "exportEligibility", summary = "Export teachers' eligibility as CSV",
            description = "The roster listEligibility pages through, in one spreadsheet (UTF-8 with a byte-order mark, "
            + "one row per teacher in your scope): status, the rule that decided it and why; at most 100,000 "
            + "teachers (400 roster-too-wide)")
    @APIResponse(responseCode = "200", description = "The roster as CSV",
            content = @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response export(
            @QueryParam("region") @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String region,
            @QueryParam("cycle") @NotNull @Min(2000) @Max(2100) Integer cycle,
            @Parameter(description = "Case-insensitive", schema = @Schema(implementation = Eligibility.Status.class))
            @QueryParam("status") String status) {
        CsvExport csv = CsvExport.withHeader(List.of("teacherId", "staffNumber", "name", "schoolCode", "regionCode",
                "cycle", "status", "rule", "detail"));
        for (EligibilityService.EligibilityView e : eligibility.all(region, cycle, status)) {
            csv.row(Arrays.asList(e.teacherId(), e.staffNumber(), e.name(), e.schoolCode(), e.regionCode(), cycle,
                    e.status(), e.rule(), e.detail()));
        }
        return csv.response("eligibility-" + region + "-" + cycle + ".csv");
    }
}
