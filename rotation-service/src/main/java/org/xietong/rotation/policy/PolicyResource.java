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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.time.LocalDate;
import java.util.List;

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
            description = "The policy in force for a region on a day (default today): its own version in force then, "
            + "else its city's or province's, else the defaults (definedBy says which). A cycle is decided under the "
            + "policy in force on its first day, 1 September: ask with on=<cycle>-09-01")
    public Response get(@PathParam("regionCode") @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode,
                        @Parameter(description = "The day the policy is in force (default today)") @QueryParam("on") LocalDate on) {
        PolicyService.Effective policy = on == null ? policies.effective(regionCode) : policies.effective(regionCode, on);
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }

    @GET
    @Path("{regionCode}/history")
    @RolesAllowed(Purpose.Names.ROTATION_READ)
    @Operation(operationId = "listRotationPolicyVersions", summary = "List a region's rotation policy versions",
            description = "The region's own policy versions, oldest first, each with the days it is in force; the ETag "
                    + "is the latest version's, the one a change sends back in If-Match (the policy in force today, "
                    + "which GET answers, may be an earlier version or the city's)")
    @APIResponse(responseCode = "200", description = "The versions, oldest first",
            headers = @Header(name = "ETag", description = "The latest version's, to send back in If-Match; absent while the region has none of its own"),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyService.Effective.class)))
    public Response history(
            @PathParam("regionCode") @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode) {
        List<PolicyService.Effective> versions = policies.history(regionCode);
        Response.ResponseBuilder ok = Response.ok(versions);
        return versions.isEmpty() ? ok.build() : ok.tag(Versions.etag(versions.get(versions.size() - 1).version())).build();
    }

    @PUT
    @Path("{regionCode}")

    @RolesAllowed(Purpose.Names.ROTATION_GOVERN)
    @APIResponse(responseCode = "200", description = "The stored policy", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyService.Effective.class)))
    @Operation(operationId = "setRotationPolicy", summary = "Set a region's rotation policy",
            description = "Set a region's whole policy (read it first and send every field) as a version beginning on "
            + "validFrom: by default today, or since ever for a region's first policy. A version beginning on the same "
            + "day is replaced. A version may not begin on or before the first day of a cycle a committed matching "
            + "run has decided (422 retroactive-rule): that cycle keeps its rules. A change needs If-Match with the "
            + "ETag of the region's latest version (the ETag of GET …/history); setting the first one does not.")
    @APIResponse(responseCode = "422", description = "The version would change a decided cycle's rules (retroactive-rule)")
    public Response put(@PathParam("regionCode") @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @Parameter(description = "The first day the version is in force") @QueryParam("validFrom") LocalDate validFrom,
                        @Valid @NotNull RotationPolicy policy) {
        PolicyService.Effective stored = policies.put(regionCode, policy, ifMatch, validFrom);
        return Response.ok(stored).tag(Versions.etag(stored.version())).build();
    }
}
