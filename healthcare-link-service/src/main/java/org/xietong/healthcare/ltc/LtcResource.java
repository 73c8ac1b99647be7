package org.xietong.healthcare.ltc;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.security.Purpose;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/healthcare/ltc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Long-term care", description = "评估结论互认: cross-region LTC assessment and recognition")
public class LtcResource {

    private static final String REGION = "[1-9][0-9]{5}";

    private final LtcService ltc;

    public LtcResource(LtcService ltc) {
        this.ltc = ltc;
    }

    @POST
    @Path("agreements")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_INSURE)
    @Operation(operationId = "recordLtcAgreement", summary = "Record an LTC assessment agreement",
            description = "Record that your (home) region recognises assessments made in another region; mutual for both ways")
    @APIResponse(responseCode = "201", description = "The recorded agreement", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.AgreementView.class)))
    public Response agree(@Valid @NotNull LtcRequests.Agreement agreement) {
        return Response.status(Response.Status.CREATED).entity(ltc.agree(agreement)).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("agreements")
    @Operation(operationId = "listLtcAgreements", summary = "List LTC assessment agreements",
            description = "Agreements involving your region")
    public List<LtcService.AgreementView> agreements() {
        return ltc.agreements();
    }

    @PUT
    @Path("benefits/{regionCode}")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_INSURE)
    @Operation(operationId = "setLtcBenefits", summary = "Set a region's LTC benefits",
            description = "Set your region's monthly LTC benefit by disability grade, as a version of its benefit table "
            + "beginning on validFrom (default today, or since ever for a first table); a recognition takes the "
            + "version in force on its day. A version may not begin before a day on which a request of the region "
            + "was already recognised (422 retroactive-rule)")
    @APIResponse(responseCode = "200", description = "The benefits of the version set, by grade",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, additionalProperties = BigDecimal.class)))
    @APIResponse(responseCode = "422", description = "The version would begin before a recognition already made under the table then in force")
    public Map<Integer, BigDecimal> setBenefits(@PathParam("regionCode") @Pattern(regexp = REGION) String regionCode,
                                                @Parameter(description = "The first day the version is in force") @QueryParam("validFrom") LocalDate validFrom,
                                                @Valid @NotNull LtcRequests.Benefits benefits) {
        return ltc.setBenefits(regionCode, benefits, validFrom);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("benefits/{regionCode}")
    @Operation(operationId = "getLtcBenefits", summary = "Get a region's LTC benefits",
            description = "The monthly benefit by grade in force for a region on a day (default today): its own "
            + "table, else its city's or province's")
    public Map<Integer, BigDecimal> benefits(@PathParam("regionCode") @Pattern(regexp = REGION) String regionCode,
                                             @Parameter(description = "The day the benefits are in force (default today)") @QueryParam("on") LocalDate on) {
        return ltc.benefits(regionCode, on);
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC)
    @Operation(operationId = "requestLtcAssessment", summary = "Request an LTC assessment",
            description = "The home insurer asks for an assessment where the insured person lives; routed to an "
            + "accredited assessor in that district, else the nearest in the same city. Two-week SLA. Publishes "
            + "org.xietong.healthcare.ltc.requested.v1")
    @APIResponse(responseCode = "201", description = "The routed request", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.RequestView.class)))
    @APIResponse(responseCode = "422", description = "personRef has the shape of a resident ID, or neither the residence district nor its city has an accredited assessor")
    public Response request(@Valid @NotNull LtcRequests.Assessment request, UriInfo uri) {
        LtcService.RequestView created = ltc.request(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created)
                .tag(Versions.etag(created.version())).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC_READ)
    @Path("requests")
    @Operation(operationId = "listLtcRequests", summary = "List LTC assessment requests",
            description = "Requests your region is home or residence of (an assessor institution: those it assesses)")
    public Page<LtcService.RequestView> list(@Parameter(description = "Case-insensitive", schema = @Schema(implementation = LtcRequest.Status.class))
                                             @QueryParam("status") String status,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return ltc.search(QueryParams.enumOf(LtcRequest.Status.class, status, "status"), false, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC_READ)
    @Path("requests/overdue")
    @Operation(operationId = "listOverdueLtcRequests", summary = "List overdue LTC assessment requests",
            description = "Requests past their two-week SLA and not yet decided")
    public Page<LtcService.RequestView> overdue(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return ltc.search(null, true, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC_READ)
    @Path("requests/{id}")
    @Operation(operationId = "getLtcRequest", summary = "Get an LTC assessment request",
            description = "One request")
    @APIResponse(responseCode = "200", description = "The request", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.RequestView.class)))
    public Response get(@PathParam("id") UUID id) {
        LtcService.RequestView r = ltc.get(id);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("requests/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC_ASSESS)
    @Operation(operationId = "recordLtcAssessment", summary = "Record an LTC assessment result",
            description = "The assigned assessor records the three first-level indicators and the grade (0–5); an "
            + "agreement covering both regions recognises it at once. Publishes org.xietong.healthcare.ltc.assessed.v1, "
            + "and org.xietong.healthcare.ltc.recognised.v1 when an agreement recognises it")
    @APIResponse(responseCode = "200", description = "The assessed request", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.RequestView.class)))
    @APIResponse(responseCode = "409", description = "The request is not REQUESTED (already assessed or decided)")
    public Response assess(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull LtcRequests.Result result) {
        LtcService.RequestView r = ltc.assess(id, ifMatch, result);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("requests/{id}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC_ASSESS)
    @Operation(operationId = "correctLtcAssessment", summary = "Correct an LTC assessment result",
            description = "The assigned assessor corrects its recorded result with the reason; the earlier result "
            + "stays in the history (GET …/assessments). The request is ASSESSED again with the corrected result and "
            + "recognition follows it: at once under an agreement, else by the home insurer. Publishes "
            + "org.xietong.healthcare.ltc.corrected.v1 (and recognised.v1 under an agreement)")
    @APIResponse(responseCode = "200", description = "The corrected request", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.RequestView.class)))
    @APIResponse(responseCode = "409", description = "The request has no result yet")
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull LtcRequests.Correction correction) {
        LtcService.RequestView r = ltc.correct(id, ifMatch, correction);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("requests/{id}/reassessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.HEALTHCARE_INSURE)
    @Operation(operationId = "requestLtcReassessment", summary = "Ask for an LTC re-assessment",
            description = "The home insurer asks the assessor to assess a decided request again (复评), with the "
            + "reason: REQUESTED with a new two-week due date; the recognised grade and benefit stay in force until "
            + "the new result is recognised. Publishes org.xietong.healthcare.ltc.reassessment-requested.v1")
    @APIResponse(responseCode = "200", description = "The request, waiting for the re-assessment", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.RequestView.class)))
    @APIResponse(responseCode = "409", description = "The request is neither RECOGNISED nor REJECTED")
    public Response reassess(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull LtcRequests.Reassessment reassessment) {
        LtcService.RequestView r = ltc.reassess(id, ifMatch, reassessment);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @GET
    @Path("requests/{id}/assessments")
    @RolesAllowed(Purpose.Names.HEALTHCARE_LTC_READ)
    @Operation(operationId = "listLtcAssessments", summary = "List an LTC request's results",
            description = "Every result recorded for the request, oldest first: the assessment, corrections with "
            + "their reasons, re-assessments; the request shows the latest")
    public List<LtcService.AssessmentView> assessments(@PathParam("id") UUID id) {
        return ltc.assessments(id);
    }

    @POST
    @Path("requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_INSURE)
    @Operation(operationId = "decideLtcAssessment", summary = "Recognise or reject an LTC assessment",
            description = "The home insurer recognises or rejects an assessment no agreement covered; publishes "
            + "org.xietong.healthcare.ltc.recognised.v1 or org.xietong.healthcare.ltc.rejected.v1")
    @APIResponse(responseCode = "200", description = "The decided request", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LtcService.RequestView.class)))
    @APIResponse(responseCode = "409", description = "The request is not ASSESSED (not yet assessed, or already decided)")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull LtcRequests.Decision decision) {
        LtcService.RequestView r = ltc.decide(id, ifMatch, decision);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }
}
