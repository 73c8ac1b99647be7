package org.xietong.healthcare.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.healthcare.reconciliation.ReconciliationService;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.csv.CsvExport;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Actor;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/healthcare/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements", description = "Cross-region settlement (异地就医结算): 就医地目录、参保地政策, with serious-illness "
        + "insurance, medical assistance and local fallback")
public class SettlementResource {

    static final String NDJSON = "application/x-ndjson";

    private final SettlementService settlements;
    private final BatchSettlement batch;
    private final Idempotency idempotency;
    private final Caller caller;
    private final QuoteLimiter limiter;
    private final ReconciliationService listing;

    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    public SettlementResource(SettlementService settlements, BatchSettlement batch, Idempotency idempotency,
                              Caller caller, QuoteLimiter limiter, ReconciliationService listing) {
        this.listing = listing;
        this.settlements = settlements;
        this.batch = batch;
        this.idempotency = idempotency;
        this.caller = caller;
        this.limiter = limiter;
    }

    @POST

    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "quoteSettlement", summary = "Quote a settlement",
            description = "What each fund and the patient would pay, against the person's accumulators; records nothing")
    @APIResponse(responseCode = "200", description = "What each fund and the patient would pay",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementView.class)))
    @APIResponse(responseCode = "422", description = "No policy or catalog answers the bill (e.g. an item missing from the treatment region's catalog)")
    public SettlementView quote(@Valid @NotNull BillRequest request) {
        return settlements.quote(request, SettlementAccess.of(caller), caller.actor());
    }

    @POST

    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordSettlement", summary = "Settle and record a bill",
            description = "Settle and record a bill, updating the person's yearly accumulators (Idempotency-Key welcome)")
    @APIResponse(responseCode = "201", description = "The recorded settlement (replayed with Idempotent-Replayed: true for a repeated Idempotency-Key)", headers = @Header(name = "Location", description = "The new resource"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementView.class)))
    @APIResponse(responseCode = "422", description = "No policy or catalog answers the bill, or the Idempotency-Key was used before with a different body")
    public Response settle(@Valid @NotNull BillRequest request, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        SettlementAccess access = SettlementAccess.of(caller);
        Actor actor = caller.actor();
        return idempotency.execute(key, "settlement.record", request, () -> {
            SettlementView view = settlements.record(request, access, actor);
            return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
        });
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Operation(operationId = "listSettlements", summary = "List recorded settlements",
            description = "Recorded settlements, oldest first: a person's (homeRegion and personId, for the home side "
            + "only) or a month's (month=YYYY-MM, by the day recorded, China time), narrowed by home region, "
            + "treatment region (a province or city code covers its districts) or institution; within your scope. "
            + "Each item carries the bill's figures and its status; the person id only for the home side")
    public Page<ReconciliationService.Listed> list(
            @Pattern(regexp = "20[0-9]{2}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM") @QueryParam("month") String month,
            @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("homeRegion") String homeRegion,
            @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("treatmentRegion") String treatmentRegion,
            @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") @QueryParam("institutionCode") String institutionCode,
            @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") @QueryParam("personId") String personId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return listing.list(new ReconciliationService.Filter(month == null ? null : YearMonth.parse(month), homeRegion,
                treatmentRegion, institutionCode, personId), SettlementAccess.of(caller), page, size);
    }

    @GET
    @Path("export")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Operation(operationId = "exportSettlements", summary = "Export recorded settlements as CSV",
            description = "The settlements listSettlements would page through, in one spreadsheet (UTF-8 with a "
            + "byte-order mark, one row per settlement, oldest first): a month's (month=YYYY-MM) or a person's "
            + "(homeRegion and personId, home side only), narrowed the same way and within your scope. At most "
            + ReconciliationService.EXPORT_LIMIT + " rows (422 export-too-large: narrow it)")
    @APIResponse(responseCode = "200", description = "The settlements as CSV",
            content = @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "More rows than one file holds (export-too-large)")
    public Response export(
            @Pattern(regexp = "20[0-9]{2}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM") @QueryParam("month") String month,
            @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("homeRegion") String homeRegion,
            @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("treatmentRegion") String treatmentRegion,
            @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") @QueryParam("institutionCode") String institutionCode,
            @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be 1 to 64 letters, digits or dashes") @QueryParam("personId") String personId) {
        CsvExport csv = CsvExport.withHeader(List.of("id", "billId", "personId", "homeRegion", "treatmentRegion",
                "institutionCode", "visitDate", "recordedAt", "status", "reversedAt", "replaces", "total", "basicFund",
                "seriousIllness", "medicalAssistance", "fallback", "patientPays"));
        for (ReconciliationService.Listed r : listing.export(new ReconciliationService.Filter(
                month == null ? null : YearMonth.parse(month), homeRegion, treatmentRegion, institutionCode, personId),
                SettlementAccess.of(caller))) {
            csv.row(Arrays.asList(r.id(), r.billId(), r.personId(), r.homeRegion(), r.treatmentRegion(),
                    r.institutionCode(), r.visitDate(), r.recordedAt(), r.status(), r.reversedAt(), r.replaces(),
                    r.total(), r.basicFund(), r.seriousIllness(), r.medicalAssistance(), r.fallback(), r.patientPays()));
        }
        return csv.response("settlements" + (month == null ? "" : "-" + month) + ".csv");
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("{id}")
    @Operation(operationId = "getSettlement", summary = "Get a recorded settlement",
            description = "A recorded settlement with its explanations, its status (SETTLED or REVERSED) and, for one "
            + "settled again, the settlement it replaces")
    @APIResponse(responseCode = "200", description = "The settlement", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementView.class)))
    public Response get(@PathParam("id") UUID id) {
        SettlementAccess access = SettlementAccess.of(caller);
        return Response.ok(settlements.get(id, access)).tag(Versions.etag(settlements.version(id, access))).build();
    }

    /** Why a recorded settlement is reversed. */
    @Schema(name = "SettlementReversalRequest")
    public record ReversalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reverseSettlement", summary = "Reverse a recorded settlement",
            description = "Reverses (冲正) a recorded settlement, with a reason and If-Match (the ETag you read). The "
            + "settlement stays, marked REVERSED; the person's later bills of the year settle again in recorded order "
            + "(each a new settlement that replaces its old one), so the yearly sums end exactly as if the reversed "
            + "bill had never been settled. Published as org.xietong.healthcare.settlement.reversed.v1 (and resettled.v1 "
            + "for each bill settled again). Record the corrected bill afterwards, under the same bill id if you like")
    @APIResponse(responseCode = "200", description = "The reversed settlement and the later bills settled again that you may see",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementService.ReversalView.class)))
    @APIResponse(responseCode = "409", description = "Already reversed, or a later bill of the year cannot be settled again")
    public SettlementService.ReversalView reverse(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Valid @NotNull ReversalRequest request) {
        return settlements.reverse(id, request.reason().strip(), ifMatch, SettlementAccess.of(caller), caller.actor());
    }

    @POST

    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Path("batch")
    @Consumes({NDJSON, "application/jsonl", "text/csv"})
    @Produces(NDJSON)
    @Operation(operationId = "settleBatch", summary = "Quote or settle a batch of bills",
            description = "A batch of bills as JSON lines (one bill per line) or CSV (one row per bill line: "
            + "billId,personId,homeRegion,scheme,assistanceCategory,treatmentRegion,institutionCode,kind,"
            + "crossRegionKind,date,serviceType,sessions,itemCode,amount); answers one JSON line per bill as it goes. "
            + "record=true records each bill; otherwise bills are quoted with accumulators carried through the batch. "
            + "Caps, enforced while reading: 500 lines a bill, 64 KiB a line, 2,000,000 lines a batch, 100,000 people "
            + "carried by a quoted batch (configurable under xietong.settlement.batch). A cap stops the batch where "
            + "it is hit: a 413 problem naming the limit and the line, or, once bills have been answered, the last "
            + "line of the stream, saying how many bills were answered and recorded; bills read but not answered "
            + "are not recorded")
    @APIResponse(responseCode = "400", description = "The batch holds no bill, or a parameter is invalid")
    @APIResponse(responseCode = "200", description = "One JSON line per bill as it is answered; a cap hit mid-stream ends it with a line saying how many bills were answered and recorded", content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)))
    public Response batch(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                          @QueryParam("record") String recordParam) {
        boolean record = QueryParams.flag(recordParam, "record");
        boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
        SettlementAccess access = SettlementAccess.of(caller);
        Actor actor = caller.actor();
        if (!record) {
            limiter.requireRoom(actor.subject());
        }
        PushbackInputStream bills = new PushbackInputStream(body, 1);
        if (empty(bills)) {
            throw ProblemException.badRequest("empty-batch", "Empty batch", "The batch holds no bill");
        }
        StreamingOutput output = out -> batch.run(bills, csv, record, access, actor, out);
        return Response.ok(output, NDJSON).build();
    }

    /** Whether the body ends before its first byte; the byte read is put back for the batch. */
    private static boolean empty(PushbackInputStream body) {
        try {
            int first = body.read();
            if (first >= 0) {
                body.unread(first);
            }
            return first < 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
