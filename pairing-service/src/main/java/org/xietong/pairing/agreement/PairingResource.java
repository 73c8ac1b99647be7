package org.xietong.pairing.agreement;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.QueryParams;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.platform.security.Purpose;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/pairing/pairings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pairings", description = "Hand-in-hand and cross-region pairings (手拉手结对) and their lifecycle")
public class PairingResource {

    @Schema(name = "PairingApproval", description = "The side an officer approves")
    public record Approval(@NotNull PairingService.Side side) {
    }

    /**
     * One side's step towards renewing or resuming: the side it agrees for (needed only by a caller who acts for
     * both) and, for a renewal, the proposed end of the new term.
     */
    @Schema(name = "PairingAgreementStep")
    public record AgreementStep(PairingService.Side side, LocalDate termEnd) {
    }

    /** Why a side turns a proposal down; kept in the audit trail. */
    @Schema(name = "PairingRejection")
    public record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    private final PairingService service;
    private final PairingImport imports;
    private final Idempotency idempotency;

    public PairingResource(PairingService service, PairingImport imports, Idempotency idempotency) {
        this.service = service;
        this.imports = imports;
        this.idempotency = idempotency;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "listPairings", summary = "List pairings",
            description = "Pairings either side of which is in your region; filter by status, kind and party (a region or school code).")
    public Page<PairingView> list(@Parameter(description = "Case-insensitive", schema = @Schema(implementation = PairingStatus.class))
                                  @QueryParam("status") String status,
                                  @Parameter(description = "Case-insensitive", schema = @Schema(implementation = PairingKind.class))
                                  @QueryParam("kind") String kind,
                                  @QueryParam("party") @Pattern(regexp = "[0-9]{6}|[0-9]{10}") String party,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(QueryParams.enumOf(PairingStatus.class, status, "status"),
                QueryParams.enumOf(PairingKind.class, kind, "kind"), party, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("{id}")
    @Operation(operationId = "getPairing", summary = "Get a pairing",
            description = "One pairing either side of which is in your region; its ETag names its version.")
    @APIResponse(responseCode = "200", description = "The pairing", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST

    @RolesAllowed(Purpose.Names.PAIRING_COOPERATE)
    @Operation(operationId = "proposePairing", summary = "Propose a pairing",
            description = "Proposes a hand-in-hand, cross-region or team-aid pairing between two schools or regions, one of them yours; it becomes ACTIVE when the officers of both sides have approved. Publishes org.xietong.pairing.pairing.proposed.v1. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The proposed pairing (a repeated Idempotency-Key replays it with Idempotent-Replayed: true)", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "The version, to send back in If-Match")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The two parties already have an open pairing of this kind, or the supporting school is at its pairing capacity")
    @APIResponse(responseCode = "422", description = "The pairing breaks a pairing rule (kinds of parties, levels, regions, term), or a school named is not registered")
    public Response propose(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Valid @NotNull ProposePairing request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            PairingView pairing = service.propose(request);
            return Response.created(uri.getAbsolutePathBuilder().path(pairing.id().toString()).build())
                    .entity(pairing).tag(Versions.etag(pairing.version())).build();
        });
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Purpose.Names.PAIRING_COOPERATE)
    @Operation(operationId = "importPairings", summary = "Propose pairings from CSV",
            description = "CSV in UTF-8 (BOM optional) with the header kind,supportingParty,supportedParty[,termStart,"
            + "termEnd,goals]: each row proposes a pairing as proposePairing does, checked by the same rules (one side "
            + "yours, the kinds of parties, the term, the supporting school's capacity); both sides then approve "
            + "each. A pair that already has an open pairing counts unchanged, so a file imported twice proposes "
            + "nothing twice. mode=ALL_OR_NOTHING (default) stores nothing if a row is rejected and answers 422 with "
            + "the report; PER_ROW stores the good rows.")
    @APIResponse(responseCode = "200", description = "What was imported and what was refused, by row",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "A row was rejected in ALL_OR_NOTHING mode; nothing was stored (the problem's report extension lists the rows)")
    public Response importCsv(@Parameter(description = "Case-insensitive; per-row is read as PER_ROW",
            schema = @Schema(implementation = ImportMode.class)) @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode,
                              String csv) {
        return RowChecks.response(imports.run(csv == null ? "" : csv, ImportMode.of(mode)));
    }

    @POST
    @Path("{id}/approvals")

    @RolesAllowed(Purpose.Names.PAIRING_COOPERATE)
    @Operation(operationId = "approvePairing", summary = "Approve your side of a pairing",
            description = "Approves the SUPPORTING or SUPPORTED side of a proposed pairing, as that side's officer; publishes org.xietong.pairing.pairing.approved.v1, and the second approval makes it ACTIVE (org.xietong.pairing.pairing.activated.v1).")
    @APIResponse(responseCode = "200", description = "The pairing, ACTIVE once both sides approved", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "That side already approved, the pairing is not PROPOSED, or the same officer tried to approve both sides")
    public Response approve(@PathParam("id") UUID id, @Valid @NotNull Approval approval) {
        return ok(service.approve(id, approval.side()));
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "suspendPairing", summary = "Suspend a pairing",
            description = "Suspends an ACTIVE pairing; either side's governing officer alone may. Publishes org.xietong.pairing.pairing.suspended.v1.")
    @APIResponse(responseCode = "200", description = "The suspended pairing", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is not ACTIVE")
    public Response suspend(@PathParam("id") UUID id) {
        return ok(service.act(id, PairingAction.SUSPEND));
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.PAIRING_COOPERATE)
    @Operation(operationId = "resumePairing", summary = "Resume a suspended pairing",
            description = "Asks to resume a suspended pairing, or agrees to the other side's request: both sides must ask before it is ACTIVE again.")
    @APIResponse(responseCode = "200", description = "Both sides agreed; the pairing is ACTIVE again", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "202", description = "Your side's request is recorded (pendingAgreement); the other side's officer completes it by calling resume too", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is not SUSPENDED, or the same officer tried to agree for both sides")
    @APIResponse(responseCode = "422", description = "No side named by a caller who acts for both")
    public Response resume(@PathParam("id") UUID id,
                           @RequestBody(required = false, description = "Needed only by a caller who acts for both sides")
                           AgreementStep step) {
        return agreed(service.agree(id, PairingAction.RESUME, step == null ? null : step.side(),
                step == null ? null : step.termEnd()));
    }

    @POST
    @Path("{id}/renew")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.PAIRING_COOPERATE)
    @Operation(operationId = "renewPairing", summary = "Renew a pairing's term",
            description = "Asks to give an active pairing a new term from its current end (three years unless termEnd is given, at most five), or agrees to the other side's request with the same termEnd (or none): both sides must ask before the term changes.")
    @APIResponse(responseCode = "200", description = "Both sides agreed; the pairing has its new term", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "202", description = "Your side's request is recorded (pendingAgreement); the other side's officer completes it by calling renew with the same termEnd", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is not ACTIVE, or the same officer tried to agree for both sides")
    @APIResponse(responseCode = "422", description = "termEnd not after the current end, more than five years after it, or no side named by a caller who acts for both")
    public Response renew(@PathParam("id") UUID id,
                          @RequestBody(required = false, description = "The side (for a caller who acts for both) and the proposed end of the new term")
                          AgreementStep step) {
        return agreed(service.agree(id, PairingAction.RENEW, step == null ? null : step.side(),
                step == null ? null : step.termEnd()));
    }

    @POST
    @Path("{id}/conclude")
    @Consumes(MediaType.WILDCARD)

    @RolesAllowed(Purpose.Names.PAIRING_GOVERN)
    @Operation(operationId = "concludePairing", summary = "Conclude a pairing",
            description = "Concludes the pairing: either side alone may; a pending renewal or resumption lapses.")
    @APIResponse(responseCode = "200", description = "The concluded pairing", headers = @Header(name = "ETag", description = "The version, to send back in If-Match"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is already concluded")
    public Response conclude(@PathParam("id") UUID id) {
        return ok(service.act(id, PairingAction.CONCLUDE));
    }

    @POST
    @Path("{id}/reject")

    @RolesAllowed(Purpose.Names.PAIRING_COOPERATE)
    @Operation(operationId = "rejectPairing", summary = "Reject a proposed pairing",
            description = "Either side's officer turns a PROPOSED pairing down with a reason: it ends REJECTED, the "
                    + "reason goes into the audit trail, and org.xietong.pairing.pairing.rejected.v1 tells both sides. "
                    + "The parties may propose again.")
    @APIResponse(responseCode = "200", description = "The rejected pairing", headers = @Header(name = "ETag", description = "The version"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is no longer PROPOSED")
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull Rejection rejection) {
        return ok(service.reject(id, rejection.reason()));
    }

    private static Response agreed(PairingService.AgreementOutcome agreement) {
        PairingView pairing = agreement.pairing();
        return Response.status(agreement.completed() ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(pairing).tag(Versions.etag(pairing.version())).build();
    }

    private static Response ok(PairingView pairing) {
        return Response.ok(pairing).tag(Versions.etag(pairing.version())).build();
    }
}
