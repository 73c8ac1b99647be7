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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/pairing/buddy-classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buddy classes", description = "友好班集体 and 学伴 between paired schools; counts only, no personal data")
public class BuddyClassResource {

    @Schema(name = "BuddyClassSide")
    public record ClassSide(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(12) Integer grade,
                            @NotNull @Min(0) @Max(200) Integer students) {
    }

    @Schema(name = "TwinClasses")
    public record Twin(@NotNull UUID pairingId, @Valid @NotNull ClassSide supportingClass,
                       @Valid @NotNull ClassSide supportedClass, @NotNull @Min(0) Integer studyBuddyPairs) {

        @JsonIgnore
        @AssertTrue(message = "studyBuddyPairs cannot exceed the smaller class")
        boolean isBuddiesFit() {
            return supportingClass == null || supportedClass == null || studyBuddyPairs == null
                    || supportingClass.students() == null || supportedClass.students() == null
                    || studyBuddyPairs <= Math.min(supportingClass.students(), supportedClass.students());
        }
    }

    public record BuddyClassView(UUID id, UUID pairingId, ClassSide supportingClass, ClassSide supportedClass,
                                 int studyBuddyPairs, Instant createdAt,
                                 @Schema(description = "When the twin was dissolved; null while it stands") Instant dissolvedAt,
                                 @Schema(description = "Why it was dissolved") String dissolutionReason,
                                 @Schema(description = "The version, to send back in If-Match to dissolve them") long version) {
    }

    @Schema(name = "BuddyClassDissolution")
    public record Dissolution(@NotBlank @Size(max = 500) String reason) {
    }

    private final BuddyClassService service;

    public BuddyClassResource(BuddyClassService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(operationId = "twinClasses", summary = "Twin two classes",
            description = "Twins a class of each school of an ACTIVE school pairing (buddy classes) with a number of study-buddy pairs.")
    @APIResponse(responseCode = "201", description = "The buddy classes", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BuddyClassView.class)))
    @APIResponse(responseCode = "409", description = "The pairing is not an ACTIVE pairing of two schools, or the two classes are already twinned")
    @APIResponse(responseCode = "404", description = "The pairing does not exist or is outside your scope")
    public Response twin(@Valid @NotNull Twin twin) {
        return Response.status(Response.Status.CREATED).entity(service.twin(twin)).build();
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "listBuddyClasses", summary = "List a pairing's buddy classes",
            description = "The buddy classes of a pairing either side of which is in your region.")
    public List<BuddyClassView> ofPairing(@QueryParam("pairing") @NotNull UUID pairingId) {
        return service.ofPairing(pairingId);
    }

    @POST
    @Path("{id}/dissolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.PAIRING_WRITE)
    @Operation(operationId = "dissolveBuddyClasses", summary = "Dissolve twinned classes",
            description = "Dissolves two twinned classes with the reason (a class split up, twinned by mistake) and their "
            + "version in If-Match; the twin stays listed, marked, and the same classes may be twinned again. Publishes "
            + "org.xietong.pairing.buddy-class.dissolved.v1.")
    @APIResponse(responseCode = "200", description = "The dissolved buddy classes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BuddyClassView.class)))
    @APIResponse(responseCode = "404", description = "No such buddy classes, or their pairing is outside your scope")
    @APIResponse(responseCode = "409", description = "They were dissolved already")
    @APIResponse(responseCode = "412", description = "If-Match does not name their current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public BuddyClassView dissolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull Dissolution dissolution) {
        return service.dissolve(id, dissolution.reason().strip(), ifMatch);
    }
}
