package org.xietong.rotation.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/rotation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Rotation against the targets, and supply vs demand")
public class StatsResource {

    private static final String REGION = "[1-9][0-9]{5}";

    private final StatsService stats;

    public StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Path("stats")

    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @Operation(operationId = "getRotationStats", summary = "Get a cycle's rotation statistics",
            description = "A cycle's eligible and rotated teachers (confirmed or later), rotation ratio, full-time and "
            + "backbone shares, by district below the region, against the policy's targets; with schoolYear, the "
            + "rotations starting in that school year (学年) against the yearly target. Ask for text/csv "
            + "(Accept) to get the table as a spreadsheet: UTF-8 with a byte-order mark, the region's total first.")
    @APIResponse(responseCode = "200", description = "The cycle's figures, total and by district", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsService.Stats.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response stats(@QueryParam("region") @NotNull @Pattern(regexp = REGION, message = "must be a 6-digit GB/T 2260 code") String region,
                          @QueryParam("cycle") @NotNull @Min(2000) @Max(2100) Integer cycle,
                          @Parameter(description = "One school year of the cycle (2024 is 2024-09-01 to 2025-08-31): "
                                  + "its rotations against the yearly target")
                          @QueryParam("schoolYear") @Min(2000) @Max(2100) Integer schoolYear,
                          @Context HttpHeaders headers) {
        StatsService.Stats figures = stats.stats(region, cycle, schoolYear);
        if (!CsvExport.preferredBy(headers)) {
            return Response.ok(figures, MediaType.APPLICATION_JSON_TYPE).build();
        }
        CsvExport csv = CsvExport.withHeader(List.of("level", "regionCode", "cycle", "eligible", "rotated",
                "rotatedPercent", "fullTime", "fullTimePercent", "backbone", "backbonePercent", "meetsRotationTarget",
                "meetsBackboneTarget"));
        csv.row(row("REGION", figures.cycle(), figures.total()));
        figures.districts().forEach(district -> csv.row(row("DISTRICT", figures.cycle(), district)));
        return csv.response("rotation-stats-" + figures.regionCode() + "-" + figures.cycle()
                + (schoolYear == null ? "" : "-" + schoolYear) + ".csv");
    }

    /** Arrays.asList: a percentage is null where nobody is eligible. */
    private static List<Object> row(String level, int cycle, StatsService.Row row) {
        return Arrays.asList(level, row.regionCode(), cycle, row.eligible(), row.rotated(), row.rotatedPercent(),
                row.fullTime(), row.fullTimePercent(), row.backbone(), row.backbonePercent(),
                row.meetsRotationTarget(), row.meetsBackboneTarget());
    }

    @GET
    @Path("supply-demand")

    @RolesAllowed(Purpose.Names.ROTATION_WRITE)
    @Operation(operationId = "getSupplyDemand", summary = "Get the supply and demand report",
            description = "供需报表: per subject and level, open and requested seats against eligible teachers not yet "
            + "placed (cycle defaults to the current one)")
    public StatsService.SupplyDemand supplyDemand(@QueryParam("region") @NotNull @Pattern(regexp = REGION, message = "must be a 6-digit GB/T 2260 code") String region,
                                                  @QueryParam("cycle") @Min(2000) @Max(2100) Integer cycle) {
        return stats.supplyDemand(region, cycle);
    }
}
