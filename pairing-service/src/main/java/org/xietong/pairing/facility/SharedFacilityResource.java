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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/pairing/resources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shared resources", description = "Farm bases, open libraries, labs and courses shared between partner schools")
public class SharedFacilityResource {

    private static final String CODE = "[0-9]{10}";

    public record Publish(@NotNull @Pattern(regexp = CODE) String ownerSchool, @NotBlank @Size(max = 200) String name,
                          @NotNull FacilityKind kind, @Size(max = 2000) String description) {
    }

    public record Slot(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt,
                       @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    public record Booking(@NotNull @Pattern(regexp = CODE) String school, @NotNull @Min(1) @Max(10_000) Integer places) {
    }

    private final SharedFacilityService service;

    public SharedFacilityResource(SharedFacilityService service) {
        this.service = service;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(summary = "A school's shared resources and their slots")
    public List<SharedFacilityService.FacilityView> ofOwner(@QueryParam("owner") @NotNull @Pattern(regexp = CODE) String owner) {
        return service.ofOwner(owner);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    public Response publish(@Valid @NotNull Publish request) {
        return Response.status(Response.Status.CREATED)
                .entity(service.publish(request.ownerSchool(), request.name(), request.kind(), request.description())).build();
    }

    @POST
    @Path("{id}/slots")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    public Response addSlot(@PathParam("id") UUID id, @Valid @NotNull Slot slot) {
        return Response.status(Response.Status.CREATED)
                .entity(service.addSlot(id, slot.startsAt(), slot.endsAt(), slot.capacity())).build();
    }

    @POST
    @Path("{id}/slots/{slot}/bookings")
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(summary = "Book places in a slot for a partner school; 409 when the slot has too few places left")
    public Response book(@PathParam("id") UUID id, @PathParam("slot") UUID slot, @Valid @NotNull Booking booking) {
        return Response.status(Response.Status.CREATED).entity(service.book(id, slot, booking.school(), booking.places())).build();
    }
}
