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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.security.Purpose;

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

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @Operation(operationId = "getRotationStats", summary = "Get a cycle's rotation statistics",
            description = "A cycle's eligible and rotated teachers (confirmed or later), rotation ratio, full-time and "
            + "backbone shares, by district below the region, against the policy's targets.")
    public StatsService.Stats stats(@QueryParam("region") @NotNull @Pattern(regexp = REGION, message = "must be a 6-digit GB/T 2260 code") String region,
                                    @QueryParam("cycle") @NotNull @Min(2000) @Max(2100) Integer cycle) {
        return stats.stats(region, cycle);
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
