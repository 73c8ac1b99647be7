package org.xietong.pairing.buddy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/pairing/buddy-classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buddy classes", description = "友好班集体 and 学伴 between paired schools; counts only, no personal data")
public class BuddyClassResource {

    public record ClassSide(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(12) Integer grade,
                            @NotNull @Min(0) @Max(200) Integer students) {
    }

    public record Twin(@NotNull UUID pairingId, @Valid @NotNull ClassSide supportingClass,
                       @Valid @NotNull ClassSide supportedClass, @NotNull @Min(0) Integer studyBuddyPairs) {

        @AssertTrue(message = "studyBuddyPairs cannot exceed the smaller class")
        boolean isBuddiesFit() {
            return supportingClass == null || supportedClass == null || studyBuddyPairs == null
                    || supportingClass.students() == null || supportedClass.students() == null
                    || studyBuddyPairs <= Math.min(supportingClass.students(), supportedClass.students());
        }
    }

    public record BuddyClassView(UUID id, UUID pairingId, ClassSide supportingClass, ClassSide supportedClass,
                                 int studyBuddyPairs, Instant createdAt) {
    }

    private final BuddyClassService service;

    public BuddyClassResource(BuddyClassService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(summary = "Twin a class of each school of an ACTIVE school pairing")
    public Response twin(@Valid @NotNull Twin twin) {
        return Response.status(Response.Status.CREATED).entity(service.twin(twin)).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(summary = "The buddy classes of a pairing")
    public List<BuddyClassView> ofPairing(@QueryParam("pairing") @NotNull UUID pairingId) {
        return service.ofPairing(pairingId);
    }
}
