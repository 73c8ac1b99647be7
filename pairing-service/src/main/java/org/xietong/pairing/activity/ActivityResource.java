package org.xietong.pairing.activity;

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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.api.Page;
import org.xietong.platform.conventions.Idempotency;
import org.xietong.platform.security.Purpose;

import java.time.Period;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/pairing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "What paired schools do together, and where nothing happens")
public class ActivityResource {

    private final ActivityService service;
    private final Idempotency idempotency;

    public ActivityResource(ActivityService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Path("activities")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_RECORD)
    @Operation(operationId = "recordActivity", summary = "Record an activity",
            description = "Records an activity (teaching research, shadowing, study trip, lecture ...) with its host: an "
                    + "ACTIVE pairing (`pairingId`; the schools must be its parties), an education group, alliance or "
                    + "school district (`allianceId`; the schools must be members) or a region (`hostRegion`; at least "
                    + "two registered schools of the region, recorded by its officers). Send an Idempotency-Key to make "
                    + "retries safe.")
    @APIResponse(responseCode = "201", description = "The recorded activity (a repeated Idempotency-Key replays it with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is not ACTIVE")
    @APIResponse(responseCode = "422", description = "The activity breaks an activity rule (participants not parties of the pairing or members of the alliance, fewer than two schools of the region, dates, counts)")
    @APIResponse(responseCode = "404", description = "The pairing or alliance does not exist or is outside your scope")
    public Response record(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull RecordActivity request, UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            ActivityView activity = service.record(request);
            return Response.status(Response.Status.CREATED).entity(activity).build();
        });
    }

    /** Why an activity is withdrawn. */
    @Schema(name = "ActivityWithdrawal")
    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("activities/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.PAIRING_RECORD)
    @Operation(operationId = "withdrawActivity", summary = "Withdraw a recorded activity",
            description = "Withdraws an activity recorded by mistake (the wrong pairing, a visit that never took place), "
            + "with the reason: it stays in the ledger, marked, no longer counts against dormancy, and "
            + "org.xietong.pairing.activity.withdrawn.v1 is published. Needs If-Match with the activity's version "
            + "(listed with it)")
    @APIResponse(responseCode = "200", description = "The withdrawn activity",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "The activity was already withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match does not name the activity's current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public ActivityView withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull Withdrawal withdrawal) {
        return service.withdraw(id, withdrawal.reason().strip(), ifMatch);
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("activities")
    @Operation(operationId = "listActivities", summary = "List a pairing's activities",
            description = "A pairing's activities, newest first, if either side of the pairing is in your region.")
    public Page<ActivityView> list(@QueryParam("pairing") @NotNull UUID pairing,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(pairing, page, size);
    }

    @GET
    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("regions/{regionCode}/activities")
    @Operation(operationId = "listRegionActivities", summary = "List a region's activities",
            description = "The activities a region hosts for several of its schools (a city's 名师讲堂, a 研学 of pupils "
                    + "from several districts), newest first, for callers overseeing the region.")
    public Page<ActivityView> listForRegion(@PathParam("regionCode") @Pattern(regexp = "[1-9][0-9]{5}") String regionCode,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.listForRegion(regionCode, page, size);
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Path("dormant-pairings")
    @Operation(operationId = "listDormantPairings", summary = "List dormant pairings",
            description = "ACTIVE pairings in your region with no activity for `months` (default 6, one semester).")
    public List<ActivityService.DormantPairing> dormant(@QueryParam("months") @DefaultValue("6") @Min(1) @Max(36) int months) {
        return service.dormant(Period.ofMonths(months));
    }
}
