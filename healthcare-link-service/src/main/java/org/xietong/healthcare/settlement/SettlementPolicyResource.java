package org.xietong.healthcare.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/healthcare/settlement-policies/{regionCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlement policies", description = "Home regions' policies (参保地政策): basic insurance, serious illness, "
        + "medical assistance, fallback")
public class SettlementPolicyResource {

    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    private final SettlementPolicyService policies;

    public SettlementPolicyResource(SettlementPolicyService policies) {
        this.policies = policies;
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "getSettlementPolicy", summary = "Get a home region's settlement policy",
            description = "The policy in force for a home region on a day (default today): its own version in force "
            + "then, else its city's or province's (definedBy)")
    @APIResponse(responseCode = "200", description = "The policy in force", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementPolicyService.Effective.class)))
    public Response get(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
                        @Parameter(description = "The day the policy is in force (default today)") @QueryParam("on") LocalDate on) {
        SettlementPolicyService.Effective policy = policies.get(regionCode, on == null ? LocalDate.now(SettlementService.CHINA) : on);
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }

    @GET
    @Path("history")
    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Operation(operationId = "listSettlementPolicyVersions", summary = "List a region's settlement policy versions",
            description = "The region's own policy versions, oldest first, each with the days it is in force")
    public List<SettlementPolicyService.Effective> history(
            @PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode) {
        return policies.history(regionCode);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_INSURE)
    @Operation(operationId = "setSettlementPolicy", summary = "Set your region's settlement policy",
            description = "Set your region's whole policy document as a version beginning on validFrom: by default "
            + "today, or since ever for a region's first policy. A version that has begun is history: a change begins "
            + "today or later (422 retroactive-rule otherwise), and a version beginning on the same day is replaced. "
            + "A change needs If-Match with the ETag of the region's latest version")
    @APIResponse(responseCode = "422", description = "The version would begin before today (retroactive-rule)")
    @APIResponse(responseCode = "200", description = "The stored policy", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementPolicyService.Effective.class)))
    public Response put(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Parameter(description = "The first day the version is in force") @QueryParam("validFrom") LocalDate validFrom,
                        @Valid @NotNull SettlementPolicy policy) {
        SettlementPolicyService.Effective stored = policies.put(regionCode, policy, ifMatch, validFrom);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }
}
