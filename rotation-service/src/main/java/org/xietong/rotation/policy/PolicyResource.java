package org.xietong.rotation.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/rotation/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Each region's eligibility rules, outflow cap, targets and matching weights")
public class PolicyResource {

    private final PolicyService policies;

    public PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Path("{regionCode}")
    @APIResponse(responseCode = "200", description = "The policy in force", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyService.Effective.class)))
    @Operation(operationId = "getRotationPolicy", summary = "Get a region's rotation policy",
            description = "The policy in force for a region: its own, else its city's or province's, else the defaults "
            + "(definedBy says which)")
    public Response get(@PathParam("regionCode") @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode) {
        PolicyService.Effective policy = policies.effective(regionCode);
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }

    @PUT
    @Path("{regionCode}")

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The stored policy", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyService.Effective.class)))
    @Operation(operationId = "setRotationPolicy", summary = "Set a region's rotation policy",
            description = "Set a region's policy (the whole policy; read it first and send every field). Changing a "
            + "region's own policy needs If-Match with the ETag you read; setting it the first time does not.")
    public Response put(@PathParam("regionCode") @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Valid @NotNull RotationPolicy policy) {
        PolicyService.Effective stored = policies.put(regionCode, policy, ifMatch);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }
}
