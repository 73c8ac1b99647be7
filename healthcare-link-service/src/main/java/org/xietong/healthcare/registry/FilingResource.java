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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/healthcare/filings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Filings", description = "异地就医备案: the home insurer's filings that decide a cross-region bill's kind")
public class FilingResource {

    private final RegistryService registry;
    private final Caller caller;

    public FilingResource(RegistryService registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fileCrossRegionFiling", summary = "File a 备案 for an insured person",
            description = "The home insurer or its partner system files long-term residence, resettlement, a work "
            + "posting, a referral or a temporary stay in a destination area (a district, a city or a province) for a "
            + "span of days. Bills treated there then settle as REGISTERED, REFERRAL or TEMPORARY without the caller "
            + "saying so. A person has one active filing for any day: an overlapping one is refused (409)")
    @APIResponse(responseCode = "201", description = "The filing", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "409", description = "An active filing of the person already covers some of these days")
    @APIResponse(responseCode = "422", description = "The destination is within the home pooling area, or a referral or temporary stay has no end")
    public Response file(@Valid @NotNull FilingRequest request, UriInfo uri) {
        FilingView filing = registry.file(request, SettlementAccess.of(caller), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(filing.id().toString()).build()).entity(filing).build();
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Operation(operationId = "listCrossRegionFilings", summary = "List a person's filings",
            description = "A person's filings: all of them for the home side, those covering its area for the "
            + "treatment side; with on, only those valid that day")
    public List<FilingView> list(
            @Parameter(required = true) @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") @QueryParam("homeRegion") String homeRegion,
            @Parameter(required = true) @NotNull @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") @QueryParam("personId") String personId,
            @Parameter(description = "Only filings valid on this day") @QueryParam("on") LocalDate on) {
        return registry.filings(homeRegion, personId, on, SettlementAccess.of(caller));
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("{id}")
    @Operation(operationId = "getCrossRegionFiling", summary = "Get a filing",
            description = "A filing, to its home side or a treatment side it covers; the ETag is for revoking it")
    @APIResponse(responseCode = "200", description = "The filing", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilingView.class)))
    public Response get(@PathParam("id") UUID id) {
        SettlementAccess access = SettlementAccess.of(caller);
        return Response.ok(registry.filing(id, access)).tag(Versions.etag(registry.filingVersion(id, access))).build();
    }

    @POST
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeCrossRegionFiling", summary = "Revoke a filing",
            description = "The home side revokes a filing with a reason and If-Match; it stays readable, REVOKED. "
            + "Bills already recorded keep the kind they settled with")
    @APIResponse(responseCode = "200", description = "The revoked filing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "409", description = "Already revoked")
    public FilingView revoke(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull RevocationRequest request) {
        return registry.revokeFiling(id, request.reason().strip(), ifMatch, SettlementAccess.of(caller), caller.actor());
    }
}
