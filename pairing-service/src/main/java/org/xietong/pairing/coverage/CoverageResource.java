package org.xietong.pairing.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.csv.CsvExport;
import org.xietong.platform.security.Purpose;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

@Path("/api/v1/pairing/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Where township and rural schools still lack a partner")
public class CoverageResource {

    private final CoverageService service;

    public CoverageResource(CoverageService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "getPairingCoverage", summary = "Get pairing coverage",
            description = "Coverage of a region (default: yours) on a day (default today): township and rural compulsory schools with a pairing ACTIVE that day (its term running), the ratio, active pairs, primary and secondary schools (中小学) in an education group with their ratio, the same for the township and rural ones, compulsory-education schools in a school district (学区制) with their ratio, and one row per district below a city or province code. Ask for text/csv (Accept) to get it as a spreadsheet (一区一表): UTF-8 with a byte-order mark, the region's row first, then its districts.")
    @APIResponse(responseCode = "200", description = "The region's coverage and its districts'", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Coverage.Report.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response coverage(@QueryParam("region") @Pattern(regexp = "[1-9][0-9]{5}",
            message = "must be a 6-digit GB/T 2260 region code") String region,
                             @Parameter(description = "The day the coverage is for (default today): pairings activated "
                                     + "ACTIVE that day whose term runs on it, whatever they are now") @QueryParam("asOf") LocalDate asOf,
                             @Context HttpHeaders headers) {
        Coverage.Report report = service.report(region, asOf);
        if (!CsvExport.preferredBy(headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        CsvExport csv = CsvExport.withHeader(List.of("level", "regionCode", "asOf", "schools", "targetSchools",
                "coveredSchools", "ratio", "activePairs", "primaryAndSecondarySchools", "groupedSchools", "groupRatio",
                "ruralSchools", "ruralGroupedSchools", "ruralGroupRatio", "compulsorySchools", "schoolDistrictSchools",
                "schoolDistrictRatio"));
        // Arrays.asList: a ratio is null where a region has no schools to count.
        csv.row(Arrays.asList("REGION", report.regionCode(), report.asOf(), report.schools(), report.targetSchools(),
                report.coveredSchools(), report.ratio(), report.activePairs(), report.primaryAndSecondarySchools(),
                report.groupedSchools(), report.groupRatio(), report.ruralSchools(), report.ruralGroupedSchools(),
                report.ruralGroupRatio(), report.compulsorySchools(), report.schoolDistrictSchools(),
                report.schoolDistrictRatio()));
        report.districts().forEach(row -> csv.row(Arrays.asList("DISTRICT", row.regionCode(), report.asOf(),
                row.schools(), row.targetSchools(), row.coveredSchools(), row.ratio(), row.activePairs(),
                row.primaryAndSecondarySchools(), row.groupedSchools(), row.groupRatio(), row.ruralSchools(),
                row.ruralGroupedSchools(), row.ruralGroupRatio(), row.compulsorySchools(), row.schoolDistrictSchools(),
                row.schoolDistrictRatio())));
        return csv.response("coverage-" + report.regionCode() + "-" + report.asOf() + ".csv");
    }
}
