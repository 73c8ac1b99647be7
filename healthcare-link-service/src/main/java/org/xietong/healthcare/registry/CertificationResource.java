package org.xietong.healthcare.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.healthcare.settlement.SettlementAccess;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/healthcare/chronic-certifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chronic certifications", description = "门诊慢特病 certifications that open SPECIAL_CHRONIC settlement")
public class CertificationResource {

    private final RegistryService registry;
    private final Caller caller;

    public CertificationResource(RegistryService registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "certifyChronicDisease", summary = "Certify an insured person's chronic or special disease",
            description = "The home insurer or its partner system certifies an outpatient chronic or special disease "
            + "(门诊慢特病) for a span of days; a SPECIAL_CHRONIC bill of the person settles only on a day a "
            + "certification is valid. Only the home side reads certifications")
    @APIResponse(responseCode = "201", description = "The certification", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificationView.class)))
    public Response certify(@Valid @NotNull CertificationRequest request, UriInfo uri) {
        CertificationView certification = registry.certify(request, SettlementAccess.of(caller), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(certification.id().toString()).build())
                .entity(certification).build();
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Operation(operationId = "listChronicCertifications", summary = "List a person's certifications",
            description = "The home side's certifications of one of its insured")
    public List<CertificationView> list(
            @Parameter(required = true) @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") @QueryParam("homeRegion") String homeRegion,
            @Parameter(required = true) @NotNull @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") @QueryParam("personId") String personId) {
        return registry.certifications(homeRegion, personId, SettlementAccess.of(caller));
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("{id}")
    @Operation(operationId = "getChronicCertification", summary = "Get a certification",
            description = "A certification, to its home side only; the ETag is for revoking it")
    @APIResponse(responseCode = "200", description = "The certification", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificationView.class)))
    public Response get(@PathParam("id") UUID id) {
        SettlementAccess access = SettlementAccess.of(caller);
        return Response.ok(registry.certification(id, access))
                .tag(Versions.etag(registry.certificationVersion(id, access))).build();
    }

    @POST
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeChronicCertification", summary = "Revoke a certification",
            description = "The home side revokes a certification with a reason and If-Match; it stays readable, REVOKED")
    @APIResponse(responseCode = "200", description = "The revoked certification",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "409", description = "Already revoked")
    public CertificationView revoke(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Valid @NotNull RevocationRequest request) {
        return registry.revokeCertification(id, request.reason().strip(), ifMatch, SettlementAccess.of(caller),
                caller.actor());
    }
}
