package org.xietong.pairing.facility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/pairing/resources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shared resources", description = "Farm bases, open libraries, labs and courses shared between partner schools")
public class SharedFacilityResource {

    private static final String CODE = "[0-9]{10}";

    @Schema(name = "PublishSharedFacility")
    public record Publish(@NotNull @Pattern(regexp = CODE) String ownerSchool, @NotBlank @Size(max = 200) String name,
                          @NotNull FacilityKind kind, @Size(max = 2000) String description) {
    }

    @Schema(name = "SharedFacilitySlotRequest")
    public record Slot(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt,
                       @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    @Schema(name = "SharedFacilityBookingRequest")
    public record Booking(@NotNull @Pattern(regexp = CODE) String school, @NotNull @Min(1) @Max(10_000) Integer places) {
    }

    private final SharedFacilityService service;

    public SharedFacilityResource(SharedFacilityService service) {
        this.service = service;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "listSharedFacilities", summary = "List a school's shared facilities",
            description = "The shared facilities (farms, libraries, labs, courses, venues) a school offers, with their slots.")
    public List<SharedFacilityService.FacilityView> ofOwner(@QueryParam("owner") @NotNull @Pattern(regexp = CODE) String owner) {
        return service.ofOwner(owner);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(operationId = "publishSharedFacility", summary = "Publish a shared facility",
            description = "Publishes a facility a school of your region shares with partner schools.")
    @APIResponse(responseCode = "201", description = "The published facility", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SharedFacilityService.FacilityView.class)))
    @APIResponse(responseCode = "422", description = "The owner school is not registered")
    public Response publish(@Valid @NotNull Publish request) {
        return Response.status(Response.Status.CREATED)
                .entity(service.publish(request.ownerSchool(), request.name(), request.kind(), request.description())).build();
    }

    @POST
    @Path("{id}/slots")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(operationId = "addSharedFacilitySlot", summary = "Add a slot to a shared facility",
            description = "Adds a time slot with a number of places to a facility of your region.")
    @APIResponse(responseCode = "201", description = "The facility with its new slot", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SharedFacilityService.FacilityView.class)))
    @APIResponse(responseCode = "409", description = "The facility already has a slot starting then")
    @APIResponse(responseCode = "422", description = "The slot does not end after it starts")
    public Response addSlot(@PathParam("id") UUID id, @Valid @NotNull Slot slot) {
        return Response.status(Response.Status.CREATED)
                .entity(service.addSlot(id, slot.startsAt(), slot.endsAt(), slot.capacity())).build();
    }

    @POST
    @Path("{id}/slots/{slot}/bookings")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(operationId = "bookSharedFacilitySlot", summary = "Book places in a slot",
            description = "Books places in a slot of a shared facility for a partner school.")
    @APIResponse(responseCode = "201", description = "The booking", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SharedFacilityService.BookingView.class)))
    @APIResponse(responseCode = "409", description = "The slot has too few places left")
    @APIResponse(responseCode = "422", description = "The booking school is not registered")
    public Response book(@PathParam("id") UUID id, @PathParam("slot") UUID slot, @Valid @NotNull Booking booking) {
        return Response.status(Response.Status.CREATED).entity(service.book(id, slot, booking.school(), booking.places())).build();
    }

    @Schema(name = "SharedFacilityBookingCancellation")
    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("{id}/slots/{slot}/bookings/{booking}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(operationId = "cancelSharedFacilityBooking", summary = "Cancel a booking",
            description = "Cancels a booking with the reason, by whoever acts for the booking school or for the "
            + "facility's owner, with the booking's version in If-Match: its places return to the slot and the "
            + "booking stays, marked. Publishes org.xietong.pairing.facility-booking.cancelled.v1 to both schools' "
            + "regions.")
    @APIResponse(responseCode = "200", description = "The cancelled booking",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SharedFacilityService.BookingView.class)))
    @APIResponse(responseCode = "404", description = "No such booking of this slot, or not one you act for")
    @APIResponse(responseCode = "409", description = "The booking was cancelled already")
    @APIResponse(responseCode = "412", description = "If-Match does not name the booking's current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public SharedFacilityService.BookingView cancel(@PathParam("id") UUID id, @PathParam("slot") UUID slot,
                                                    @PathParam("booking") UUID booking,
                                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @Valid @NotNull Cancellation cancellation) {
        return service.cancel(id, slot, booking, cancellation.reason().strip(), ifMatch);
    }
}
