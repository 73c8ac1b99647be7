package org.xietong.pairing.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/pairing/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Where township and rural schools still lack a partner")
public class CoverageResource {

    private final CoverageService service;

    public CoverageResource(CoverageService service) {
        this.service = service;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "getPairingCoverage", summary = "Get pairing coverage",
            description = "Coverage of a region (default: yours): township and rural compulsory schools with an active pairing, the ratio, active pairs, schools in an education group, and one row per district below a city or province code.")
    public Coverage.Report coverage(@QueryParam("region") @Pattern(regexp = "[1-9][0-9]{5}",
            message = "must be a 6-digit GB/T 2260 region code") String region) {
        return service.report(region);
    }
}
