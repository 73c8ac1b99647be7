package org.xietong.healthcare.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Actor;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
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

    public SettlementResource(SettlementService settlements, BatchSettlement batch, Idempotency idempotency,
                              Caller caller, QuoteLimiter limiter) {
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
    @Path("{id}")
    @Operation(operationId = "getSettlement", summary = "Get a recorded settlement",
            description = "A recorded settlement with its explanations")
    public SettlementView get(@PathParam("id") UUID id) {
        return settlements.get(id, SettlementAccess.of(caller));
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
